/**
 * The alert engine's own state, written only by the engine (and by timers, in their transaction):
 * - `alert_facts`: the per-citizen fold of facts the rules read (libs/domain/src/alerts/facts.ts), kept in the
 *   same transaction as the engine's checkpoint, so the facts are exactly those of the events processed so far;
 * - `alert_engine_alerts`: the alerts the engine has raised, per citizen, so that a later fact can resolve,
 *   acknowledge or escalate them and a rule does not raise the same alert twice.
 * Both are derived from the log and rebuilt by resetting the engine; alert events themselves stay in the log.
 */
export const sql = `
CREATE TABLE alert_facts (
  citizen_id uuid PRIMARY KEY,
  facts      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_engine_alerts (
  alert_id   uuid PRIMARY KEY,
  citizen_id uuid NOT NULL,
  rule_id    text NOT NULL,
  subject_id text NOT NULL,
  raised     jsonb NOT NULL,
  closed     boolean NOT NULL DEFAULT false
);
CREATE INDEX alert_engine_alerts_citizen_idx ON alert_engine_alerts (citizen_id);
`;
