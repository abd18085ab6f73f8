/**
 * Notification items, webhook subscriptions and their delivery log (a transactional outbox).
 *
 * - `notification_items`: log events that some unit is told about (alert lifecycle events, and domain events a
 *   subscription names), written by the `notification-items` projection. `item_id` is the feed's cursor: only that
 *   projection inserts, one batch at a time under its checkpoint lock, so ids commit in increasing order and a
 *   cursor never skips an item.
 * - `notification_alerts`: the recipients, rule and category of each alert, so that a later lifecycle event of
 *   the alert (acknowledged, escalated, resolved) reaches the same units without reading another read model.
 * - `webhook_deliveries`: one row per item per subscription, inserted in the same transaction as the item. The row
 *   id is the Standard Webhooks `webhook-id`, stable across retries and replays.
 */
export const sql = `
CREATE TABLE webhook_subscriptions (
  subscription_id uuid PRIMARY KEY,
  unit_id         text NOT NULL,
  unit_type       text NOT NULL,
  municipality    text,
  url             text NOT NULL,
  alert_rules     text[],
  event_types     text[] NOT NULL DEFAULT '{}',
  purpose         text NOT NULL,
  status          text NOT NULL DEFAULT 'active',
  secrets         jsonb NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  disabled_at     timestamptz,
  disabled_reason text
);
CREATE INDEX webhook_subscriptions_unit_idx ON webhook_subscriptions (unit_id);

CREATE TABLE notification_items (
  item_id        bigserial PRIMARY KEY,
  event_id       uuid NOT NULL UNIQUE,
  type           text NOT NULL,
  citizen_id     uuid NOT NULL,
  alert_id       uuid,
  rule_id        text,
  severity       text,
  category       text NOT NULL,
  recipients     jsonb NOT NULL DEFAULT '[]',
  fact_event_ids uuid[] NOT NULL DEFAULT '{}',
  occurred_at    timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL
);
CREATE INDEX notification_items_recipients_idx ON notification_items USING gin (recipients jsonb_path_ops);

CREATE TABLE notification_alerts (
  alert_id       uuid PRIMARY KEY,
  rule_id        text NOT NULL,
  severity       text NOT NULL,
  category       text NOT NULL,
  recipients     jsonb NOT NULL,
  fact_event_ids uuid[] NOT NULL
);

CREATE TABLE webhook_deliveries (
  delivery_id      uuid PRIMARY KEY,
  subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (subscription_id),
  item_id          bigint NOT NULL REFERENCES notification_items (item_id),
  citizen_id       uuid NOT NULL,
  status           text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT '-infinity',
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  -- a worker's claim while it sends (real time): an expired lease is a crashed worker, and the row is taken again
  lease_until      timestamptz,
  lease_token      uuid,
  UNIQUE (subscription_id, item_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, item_id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (subscription_id, citizen_id, item_id)
  WHERE status = 'pending';
`;
