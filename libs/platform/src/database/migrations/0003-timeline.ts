/** The per-citizen timeline read model, written only by its projection. */
export const sql = `
CREATE TABLE timeline_entries (
  event_id        uuid PRIMARY KEY,
  citizen_id      uuid NOT NULL,
  global_position bigint NOT NULL,
  stream_id       text NOT NULL,
  type            text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL,
  summary         text NOT NULL
);
CREATE INDEX timeline_entries_citizen_idx ON timeline_entries (citizen_id, occurred_at, global_position);
`;
