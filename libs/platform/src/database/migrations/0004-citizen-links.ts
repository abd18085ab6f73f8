/** Which citizen records are linked as one person (both directions), for timelines across records. */
export const sql = `
CREATE TABLE citizen_links (
  citizen_id        uuid NOT NULL,
  linked_citizen_id uuid NOT NULL,
  PRIMARY KEY (citizen_id, linked_citizen_id)
);
`;
