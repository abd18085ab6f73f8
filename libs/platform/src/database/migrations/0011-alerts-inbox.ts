/**
 * The alert inbox read model, written only by its projection from the alert events: one row per alert, with its
 * recipients as JSON (an escalation adds recipients) so that "alerts for the social authority of 101" is a
 * containment query on an index.
 */
export const sql = `
CREATE TABLE alerts_inbox (
  alert_id         uuid PRIMARY KEY,
  citizen_id       uuid NOT NULL,
  rule_id          text NOT NULL,
  category         text NOT NULL,
  subject_id       text NOT NULL,
  status           text NOT NULL,
  severity         text NOT NULL,
  severity_rank    smallint NOT NULL,
  due_at           timestamptz NOT NULL,
  raised_at        timestamptz NOT NULL,
  expires_at       timestamptz,
  recipients       jsonb NOT NULL,
  reason_code      text NOT NULL,
  reason_text      text NOT NULL,
  fact_event_ids   jsonb NOT NULL,
  contact_channels jsonb NOT NULL,
  escalations      integer NOT NULL DEFAULT 0,
  acknowledgements jsonb NOT NULL DEFAULT '[]',
  resolution       jsonb,
  closed_at        timestamptz,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX alerts_inbox_recipients_idx ON alerts_inbox USING gin (recipients jsonb_path_ops);
CREATE INDEX alerts_inbox_urgency_idx ON alerts_inbox (severity_rank DESC, due_at, alert_id);
CREATE INDEX alerts_inbox_newest_idx ON alerts_inbox (raised_at DESC, alert_id DESC);
CREATE INDEX alerts_inbox_citizen_idx ON alerts_inbox (citizen_id);
`;
