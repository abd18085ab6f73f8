import { entryVisible, loadAccessFacts, mayAccessCitizen, type Unit, type Viewer } from '@hf/access';
import type { EventCategory } from '@hf/domain';
import type { EventStore } from '@hf/event-store';
import type { Pool } from 'pg';
import type { NotificationItem } from './item';

/**
 * Whether a unit may be told about an item now: the same judgement as the inbox and the timeline (libs/access),
 * made at delivery or read time, so consents are read from the log and a withdrawal counts at once. An alert is
 * judged by its category and the legal basis of the facts of that category it cites (as the inbox does), a domain
 * event by its own timeline entry. Webhooks and the feed never act under break-glass.
 */
export async function unitMaySee(
  pool: Pool,
  store: EventStore,
  item: NotificationItem,
  reader: { principalId: string; unit: Unit; purpose: string },
  now: Date,
): Promise<boolean> {
  const facts = await loadAccessFacts(pool, store, item.citizen_id, reader.principalId, now);
  const viewer: Viewer = { ...reader, breakGlass: false };
  if (!facts.exists || !mayAccessCitizen(viewer, facts)) return false;
  if (item.alert_id !== null) {
    const { rows } = await pool.query<{ legal_basis: string }>(
      `SELECT legal_basis FROM timeline_entries
        WHERE event_id = ANY($1::uuid[]) AND category = $2 AND legal_basis IS NOT NULL LIMIT 1`,
      [item.fact_event_ids, item.category],
    );
    return entryVisible(
      viewer,
      {
        category: item.category as EventCategory,
        recordedByUnit: null,
        relatedUnits: item.recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])),
        legalBasis: rows[0]?.legal_basis ?? null,
      },
      facts,
    );
  }
  const { rows } = await pool.query<{
    category: string;
    recorded_by_unit: string | null;
    related_units: string[];
    legal_basis: string | null;
  }>(
    'SELECT category, recorded_by_unit, related_units, legal_basis FROM timeline_entries WHERE event_id = $1',
    [item.event_id],
  );
  const entry = rows[0];
  if (!entry) return false;
  return entryVisible(
    viewer,
    {
      category: entry.category as EventCategory,
      recordedByUnit: entry.recorded_by_unit,
      relatedUnits: entry.related_units,
      legalBasis: entry.legal_basis,
    },
    facts,
  );
}
