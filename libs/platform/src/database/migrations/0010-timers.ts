/**
 * Durable timers: deadlines the worker must act on later (escalate an alert, expire it, evaluate a deferred rule).
 * A timer's id is derived from what it is for, so scheduling it again is a no-op. The worker claims due timers
 * with FOR UPDATE SKIP LOCKED and marks one fired in the same transaction as the events its firing appends, so a
 * timer fires exactly once across crashes, restarts and several workers. A failing timer is retried later
 * (`retry_at`, real time) and keeps its `last_error` (a code, never personal data).
 */
export const sql = `
CREATE TABLE timers (
  id         uuid PRIMARY KEY,
  due_at     timestamptz NOT NULL,
  kind       text NOT NULL,
  payload    jsonb NOT NULL,
  fired_at   timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts   integer NOT NULL DEFAULT 0,
  retry_at   timestamptz,
  last_error text
);
CREATE INDEX timers_due_idx ON timers (due_at) WHERE fired_at IS NULL;
`;
