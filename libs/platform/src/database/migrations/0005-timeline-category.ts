/**
 * Every timeline entry carries the visibility category of its event (DOMAIN.md §3), so that the access policy
 * can filter a timeline by category in SQL. The category is defined by the event catalogue in code, not in
 * SQL, so existing rows cannot be filled in here: the timeline is emptied and its checkpoint set back to the
 * start of the log, and the worker rebuilds it with categories (a projection is rebuildable from zero).
 * The second index serves the "as known at" read (recordedAt <= knownAt).
 */
export const sql = `
TRUNCATE timeline_entries;
ALTER TABLE timeline_entries ADD COLUMN category text NOT NULL;
UPDATE projection_checkpoints SET cursor = 'start', updated_at = now() WHERE name = 'timeline';
CREATE INDEX timeline_entries_citizen_recorded_idx ON timeline_entries (citizen_id, recorded_at);
`;
