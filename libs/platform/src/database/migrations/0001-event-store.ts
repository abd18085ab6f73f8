/**
 * The event log. `streams` holds each stream's current version so that an append's optimistic
 * concurrency check is one row lock; `events.transaction_id` lets readers of the all-events feed
 * wait for late-committing transactions instead of skipping them (see PostgresEventStore.readAll).
 */
export const sql = `
CREATE TABLE streams (
  stream_id text PRIMARY KEY,
  version   bigint NOT NULL CHECK (version > 0)
);

CREATE TABLE events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id       text        NOT NULL,
  stream_version  bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
);

CREATE INDEX events_feed_idx ON events (transaction_id, global_position);

-- One round trip per append: idempotency check, expected-version check and multi-row insert.
-- p_expected: -1 any, 0 no stream, n > 0 exactly version n.
CREATE FUNCTION append_events(
  p_stream_id text, p_expected bigint, p_ids uuid[], p_types text[], p_schema_versions integer[],
  p_data jsonb[], p_metadata jsonb[], p_occurred_at timestamptz[]
) RETURNS TABLE (next_version bigint, already_appended boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n integer := cardinality(p_ids);
  stored integer;
  stored_here integer;
  v_new bigint;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id)
    INTO stored, stored_here
    FROM events e WHERE e.event_id = ANY (p_ids);
  IF stored > 0 THEN
    IF stored = n AND stored_here = n THEN
      RETURN QUERY SELECT s.version, true FROM streams s WHERE s.stream_id = p_stream_id;
      RETURN;
    END IF;
    RAISE EXCEPTION 'some event ids of this batch are already stored' USING ERRCODE = 'HF410';
  END IF;

  IF p_expected = -1 THEN
    INSERT INTO streams AS s (stream_id, version) VALUES (p_stream_id, n)
      ON CONFLICT (stream_id) DO UPDATE SET version = s.version + n
      RETURNING s.version INTO v_new;
  ELSIF p_expected = 0 THEN
    INSERT INTO streams (stream_id, version) VALUES (p_stream_id, n)
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING version INTO v_new;
  ELSE
    UPDATE streams SET version = version + n
     WHERE stream_id = p_stream_id AND version = p_expected
     RETURNING version INTO v_new;
  END IF;
  IF v_new IS NULL THEN
    RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'HF409';
  END IF;

  INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
  SELECT p_stream_id, v_new - n + u.ord, u.id, u.type, u.sv, u.data, u.meta, u.occ
    FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata, p_occurred_at)
         WITH ORDINALITY AS u(id, type, sv, data, meta, occ, ord);

  RETURN QUERY SELECT v_new, false;
END
$fn$;
`;
