/**
 * What the access policy needs to judge one timeline entry besides its category (DOMAIN.md §3): the unit that
 * recorded it (external senders see their own notices), the units the event is about (a shelter sees its own
 * stays, a housing association its own tenancies, a named destination its notices), the municipalities it
 * ties the citizen to (a §110 stay in another municipality) and the legal basis it was
 * recorded under (health data reaches a unit under a basis it holds). Filled by the projection from the events,
 * so the timeline is emptied and rebuilt, as in 0005.
 */
export const sql = `
TRUNCATE timeline_entries;
ALTER TABLE timeline_entries ADD COLUMN recorded_by_unit text;
ALTER TABLE timeline_entries ADD COLUMN related_units text[] NOT NULL DEFAULT '{}';
ALTER TABLE timeline_entries ADD COLUMN related_municipalities text[] NOT NULL DEFAULT '{}';
ALTER TABLE timeline_entries ADD COLUMN legal_basis text;
UPDATE projection_checkpoints SET cursor = 'start', updated_at = now() WHERE name = 'timeline';
`;
