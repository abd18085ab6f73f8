import { decodeEvent, isDomainEventType, summarize } from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

/** One row per citizen event, with a human summary that never carries personal data. */
export class TimelineProjection implements Projection {
  readonly name = 'timeline';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    const rows = events.filter((e) => isDomainEventType(e.type) && typeof e.data.citizenId === 'string');
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO timeline_entries
         (event_id, citizen_id, global_position, stream_id, type, occurred_at, recorded_at, summary)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[],
                            $6::timestamptz[], $7::timestamptz[], $8::text[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        rows.map((e) => e.id),
        rows.map((e) => e.data.citizenId),
        rows.map((e) => e.globalPosition.toString()),
        rows.map((e) => e.streamId),
        rows.map((e) => e.type),
        rows.map((e) => e.occurredAt.toISOString()),
        rows.map((e) => e.recordedAt.toISOString()),
        rows.map((e) => summarize(decodeEvent(e))),
      ],
    );
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE timeline_entries');
  }
}

export interface TimelineEntryRow {
  event_id: string;
  citizen_id: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  summary: string;
  stream_id: string;
}

/**
 * The timeline of a citizen and of every record linked to it (directly or through another linked record),
 * in the order things happened.
 */
export async function readTimeline(
  db: Pick<PoolClient, 'query'>,
  citizenId: string,
): Promise<TimelineEntryRow[]> {
  const { rows } = await db.query<TimelineEntryRow>(
    `WITH RECURSIVE person(citizen_id) AS (
       SELECT $1::uuid
       UNION
       SELECT l.linked_citizen_id FROM citizen_links l JOIN person p ON l.citizen_id = p.citizen_id
     )
     SELECT event_id, citizen_id, type, occurred_at, recorded_at, summary, stream_id
       FROM timeline_entries WHERE citizen_id IN (SELECT citizen_id FROM person)
      ORDER BY occurred_at, global_position`,
    [citizenId],
  );
  return rows;
}
