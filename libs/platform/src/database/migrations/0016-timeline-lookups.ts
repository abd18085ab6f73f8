/**
 * Look-ups the timeline projection keeps for itself, so it never searches the event log by JSON fields (a
 * sequential scan of the whole log per batch, and impossible when the log lives in EventStoreDB/KurrentDB):
 *
 * - `timeline_openers`: the unit that opened a shelter stay or a housing offer (`stay:<stayId>` -> shelter,
 *   `offer:<offerId>` -> housing association), for the stay's and offer's later events that do not repeat it;
 * - `timeline_admission_events`: the latest event of each kind per admission and stream, which a MedCom
 *   cancellation marks as retracted.
 *
 * Both are filled in the order the projection applies events and emptied by its reset, so a rebuild ends the same.
 * The timeline is emptied and rebuilt (as in 0013) so the look-ups cover the whole log.
 */
export const sql = `
CREATE TABLE timeline_openers (
  opener text NOT NULL,
  unit   text NOT NULL,
  PRIMARY KEY (opener, unit)
);
CREATE TABLE timeline_admission_events (
  stream_id    text NOT NULL,
  type         text NOT NULL,
  admission_id text NOT NULL,
  event_id     uuid NOT NULL,
  PRIMARY KEY (stream_id, type, admission_id)
);
TRUNCATE timeline_entries;
UPDATE projection_checkpoints SET cursor = 'start', updated_at = now() WHERE name = 'timeline';
`;
