/**
 * Tables the write side needs next to the log: per-citizen data keys (crypto-shredding deletes a
 * row here), the CPR look-up by keyed hash, and stored responses for Idempotency-Key replays.
 */
export const sql = `
CREATE TABLE citizen_keys (
  citizen_id  uuid PRIMARY KEY,
  wrapped_key bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE citizen_cpr_lookup (
  cpr_hmac   bytea PRIMARY KEY,
  citizen_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE idempotency_keys (
  scope        text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (scope, key)
);

CREATE TABLE projection_checkpoints (
  name       text PRIMARY KEY,
  cursor     text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every read of citizen data. Append-only: updates and deletes are refused by the database itself.
CREATE TABLE read_audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  principal  text NOT NULL,
  unit       text NOT NULL,
  citizen_id uuid NOT NULL,
  action     text NOT NULL,
  purpose    text NOT NULL,
  request_id text
);
CREATE INDEX read_audit_log_citizen_idx ON read_audit_log (citizen_id, at);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the read audit log is append-only';
END
$fn$;
CREATE TRIGGER read_audit_log_append_only BEFORE UPDATE OR DELETE ON read_audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER read_audit_log_no_truncate BEFORE TRUNCATE ON read_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
`;
