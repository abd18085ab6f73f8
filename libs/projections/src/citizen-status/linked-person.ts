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
