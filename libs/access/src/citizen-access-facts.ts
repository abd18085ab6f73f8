import type { Pool } from 'pg';
import type { ActiveConsent, CitizenAccessFacts } from './visibility';

interface LedgerRow {
  type: string;
  data: Record<string, unknown> | null;
  stream_id: string;
  unit: string | null;
}

export interface LoadedAccessFacts extends CitizenAccessFacts {
  /** false when no record of the person exists at all */
  exists: boolean;
  /** the principal's break-glass grant for this person, if one is running */
  breakGlassUntil: string | null;
}

const LEDGER_TYPES = [
  'CitizenRegistered',
  'HandlekommuneChanged',
  'ConsentGiven',
  'ConsentWithdrawn',
  'BreakGlassAccessGranted',
];

/**
 * What ties units to a citizen and every record linked to it. Handlekommune, consents and break-glass grants are
 * read from the event log itself, not from a read model, so a withdrawal or a grant counts from the very next
 * read; the units and places named in the citizen's events come from the timeline read model.
 */
export async function loadAccessFacts(
  pool: Pool,
  citizenId: string,
  principalId: string,
  now: Date,
): Promise<LoadedAccessFacts> {
  const person = await pool.query<{ citizen_id: string }>(
    `WITH RECURSIVE person(citizen_id) AS (
       SELECT $1::uuid
       UNION
       SELECT l.linked_citizen_id FROM citizen_links l JOIN person p ON l.citizen_id = p.citizen_id)
     SELECT citizen_id FROM person`,
    [citizenId],
  );
  const ids = person.rows.map((r) => r.citizen_id);
  const [ledger, named] = await Promise.all([
    pool.query<LedgerRow>(
      `SELECT type, CASE WHEN type = ANY($2::text[]) THEN data END AS data, stream_id, metadata->>'unit' AS unit
         FROM events WHERE stream_id = ANY($1::text[])
        ORDER BY global_position`,
      [ids.flatMap((id) => [`citizen-${id}`, `break-glass-${id}`]), LEDGER_TYPES],
    ),
    pool.query<{ units: string[] | null; municipalities: string[] | null }>(
      `SELECT array_agg(DISTINCT u) FILTER (WHERE u IS NOT NULL) AS units,
              (SELECT array_agg(DISTINCT m) FROM timeline_entries t2, unnest(t2.related_municipalities) m
                WHERE t2.citizen_id = ANY($1::uuid[])) AS municipalities
         FROM timeline_entries t, unnest(array_append(t.related_units, t.recorded_by_unit)) u
        WHERE t.citizen_id = ANY($1::uuid[])`,
      [ids],
    ),
  ]);
  const handlekommune = new Map<string, string>();
  const consents = new Map<string, ActiveConsent & { expiresAt?: string }>();
  let breakGlassUntil: string | null = null;
  // Units that recorded facts in the citizen's own record count at once, before the timeline has them.
  const recordingUnits = new Set<string>();
  for (const { type, data, stream_id, unit } of ledger.rows) {
    if (unit) recordingUnits.add(unit);
    if (data === null) continue;
    switch (type) {
      case 'CitizenRegistered':
        handlekommune.set(stream_id, String(data.handlekommune));
        break;
      case 'HandlekommuneChanged':
        handlekommune.set(stream_id, String(data.to));
        break;
      case 'ConsentGiven':
        consents.set(String(data.consentId), {
          consentId: String(data.consentId),
          purpose: String(data.purpose),
          recipientUnitIds: (data.recipientUnitIds as string[]) ?? [],
          recipientUnitTypes: (data.recipientUnitTypes as string[]) ?? [],
          categories: (data.categories as string[]) ?? [],
          ...(typeof data.expiresAt === 'string' ? { expiresAt: data.expiresAt } : {}),
        });
        break;
      case 'ConsentWithdrawn':
        consents.delete(String(data.consentId));
        break;
      case 'BreakGlassAccessGranted':
        if (data.principalId === principalId && Date.parse(String(data.expiresAt)) > now.getTime()) {
          const until = String(data.expiresAt);
          if (breakGlassUntil === null || Date.parse(until) > Date.parse(breakGlassUntil))
            breakGlassUntil = until;
        }
        break;
    }
  }
  return {
    exists: handlekommune.size > 0,
    handlekommuner: [...handlekommune.values()],
    municipalities: named.rows[0]?.municipalities ?? [],
    namedUnits: [...new Set([...(named.rows[0]?.units ?? []), ...recordingUnits])],
    consents: [...consents.values()]
      .filter((c) => c.expiresAt === undefined || Date.parse(c.expiresAt) > now.getTime())
      .map(({ expiresAt: _expiresAt, ...consent }) => consent),
    breakGlassUntil,
  };
}
