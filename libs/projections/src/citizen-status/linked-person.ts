import type { PoolClient } from 'pg';

/**
 * A recursive CTE `person(root, citizen_id)`: for every citizen id in the array parameter `$<param>` (the root),
 * the root itself and every record linked to it, directly or through another linked record. Links are stored in
 * both directions and UNION removes duplicates, so a cycle ends. Read models that speak about a person (the
 * timeline, the summary, the sanction-risk check, the shelter stays and their refund clock) read through it.
 */
export function linkedPersonCte(param = 1): string {
  return `person(root, citizen_id) AS (
       SELECT r, r FROM unnest($${param}::uuid[]) AS r
       UNION
       SELECT p.root, l.linked_citizen_id FROM citizen_links l JOIN person p ON l.citizen_id = p.citizen_id
     )`;
}

/**
 * The record ids of each person asked for, as two parallel arrays (one pair per root and record, ordered by
 * record id). They are meant to be passed on as `$1` and `$2` of a read that uses {@link PERSON_RECORDS} and
 * {@link ofPersonRecords}.
 */
export interface PersonRecords {
  roots: string[];
  recordIds: string[];
}

/**
 * Resolves the persons' record ids in a statement of its own, on purpose. The planner cannot estimate a recursive
 * CTE: joined with `person` in the same statement it guessed hundreds of rows and scanned the whole read model
 * (280 ms for one timeline at 1M events), and fed as an array from the CTE (an init plan) it still could not tell
 * the array's size and at 5M events chose a parallel sequential scan (630 ms instead of 1.4 ms; BENCHMARKS.md).
 * Given the ids as a parameter it knows how many there are and uses the table's citizen index.
 */
export async function readPersonRecords(
  db: Pick<PoolClient, 'query'>,
  citizenIds: readonly string[],
): Promise<PersonRecords> {
  const { rows } = await db.query<{ root: string; citizen_id: string }>(
    `WITH RECURSIVE ${linkedPersonCte(1)} SELECT root, citizen_id FROM person ORDER BY citizen_id, root`,
    [citizenIds],
  );
  return { roots: rows.map((r) => r.root), recordIds: rows.map((r) => r.citizen_id) };
}

/** The rows `p(root, citizen_id)` of {@link PersonRecords} passed as `$1` and `$2`, to join a read model with. */
export const PERSON_RECORDS = 'unnest($1::uuid[], $2::uuid[]) AS p(root, citizen_id)';

/**
 * Keeps `column` to the record ids of {@link PersonRecords} (`$2`). Said besides the join with
 * {@link PERSON_RECORDS} so that the table is looked up in its citizen index by the ids the planner can count.
 */
export function ofPersonRecords(column: string): string {
  return `${column} = ANY ($2::uuid[])`;
}
