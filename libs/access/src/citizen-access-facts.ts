import type { EventStore, RecordedEvent } from '@hf/event-store';
import type { Pool } from 'pg';
import type { ActiveConsent, CitizenAccessFacts } from './visibility';

export interface LoadedAccessFacts extends CitizenAccessFacts {
  /** false when no record of the person exists at all */
  exists: boolean;
  /** the principal's break-glass grant for this person, if one is running */
  breakGlassUntil: string | null;
}

/**
 * What ties units to a citizen and every record linked to it. Handlekommune, consents and break-glass grants are
 * read from the event log itself, not from a read model, so a withdrawal or a grant counts from the very next
 * read; the units and places named in the citizen's events come from the timeline read model.
 *
 * The log is read through the event store port, one stream read per stream (`citizen-<id>` and `break-glass-<id>`
 * of every linked record), all at once, merged in log order: this is on the path of every read.
 */
export async function loadAccessFacts(
  pool: Pool,
  store: EventStore,
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
    Promise.all(ids.flatMap((id) => [`citizen-${id}`, `break-glass-${id}`]).map((s) => store.readStream(s))),
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
  for (const { type, data, streamId, metadata } of inLogOrder(ledger)) {
    if (typeof metadata?.unit === 'string' && metadata.unit) recordingUnits.add(metadata.unit);
    switch (type) {
      case 'CitizenRegistered':
        handlekommune.set(streamId, String(data.handlekommune));
        break;
      case 'HandlekommuneChanged':
        handlekommune.set(streamId, String(data.to));
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

/** The streams' events merged by global position, the order they were recorded in. */
function inLogOrder(streams: readonly RecordedEvent[][]): RecordedEvent[] {
  return streams
    .flat()
    .sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0));
}
