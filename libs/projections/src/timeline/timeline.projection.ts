import {
  categoryOf,
  decodeEvent,
  EventCategory,
  isDomainEventType,
  PROCESSES,
  summariesOnceErased,
  summarize,
} from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { linkedPersonCte } from '../citizen-status/linked-person';
import { Projection } from '../projection';

/**
 * Processes whose events are not facts of the citizen's life but the system's own work about them: alerts have a
 * lifecycle and a read model of their own (the alert inbox), so they stay off the timeline. Looked up by name, so
 * the timeline does not depend on the alerts code being there.
 */
export const PROCESSES_OFF_THE_TIMELINE: readonly string[] = ['alerts'];
const OFF_THE_TIMELINE = new Set(
  PROCESSES.filter((p) => PROCESSES_OFF_THE_TIMELINE.includes(p.name)).flatMap((p) => Object.keys(p.events)),
);

const ONCE_ERASED = summariesOnceErased();

/**
 * One row per citizen event, with a human summary that never carries personal data and the event's visibility
 * category (DOMAIN.md §3), so that the access policy can filter a timeline by category.
 *
 * Summaries are built from codes, except for the few event types that quote free text (a link's reason): when a
 * citizen's personal data is erased, those rows of the citizen get their erased summary, so the read model keeps no
 * text that might name the person. A rebuild replays the same erasure after the same rows, so it ends the same.
 */
export class TimelineProjection implements Projection {
  readonly name = 'timeline';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    await this.insert(tx, events);
    for (const event of events) {
      if (event.type === 'CitizenPersonalDataErased' && typeof event.data.citizenId === 'string') {
        await this.redactFreeText(tx, event.data.citizenId);
      }
    }
  }

  private async insert(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    const rows = events.filter(
      (e) =>
        isDomainEventType(e.type) && !OFF_THE_TIMELINE.has(e.type) && typeof e.data.citizenId === 'string',
    );
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO timeline_entries
         (event_id, citizen_id, global_position, stream_id, type, occurred_at, recorded_at, summary, category)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[],
                            $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[])
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
        rows.map((e) => categoryOf(e.type)),
      ],
    );
  }

  /**
   * A link's row sits on the timeline of whichever record the caseworker started from, so the rows are found by
   * the citizen id or by the pair's stream, whose name holds both ids (`citizen-link-<a>-<b>`).
   */
  private async redactFreeText(tx: PoolClient, citizenId: string): Promise<void> {
    if (ONCE_ERASED.size === 0) return;
    await tx.query(
      `UPDATE timeline_entries t SET summary = r.summary
         FROM unnest($2::text[], $3::text[]) AS r(type, summary)
        WHERE t.type = r.type AND t.summary <> r.summary
          AND (t.citizen_id = $1::uuid OR strpos(t.stream_id, $1::text) > 0)`,
      [citizenId, [...ONCE_ERASED.keys()], [...ONCE_ERASED.values()]],
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
  category: EventCategory;
  occurred_at: Date;
  recorded_at: Date;
  summary: string;
  stream_id: string;
}

/**
 * Two time axes (DOMAIN.md §5): `knownAt` reads the timeline as the system knew it at that instant (only
 * entries recorded by then), `validAt` reads what had happened by that instant as known now (only entries that
 * occurred by then). Both together answer "what did we know on 3 March about what had happened by 1 March".
 */
export interface TimelineAsOf {
  knownAt?: Date;
  validAt?: Date;
}

/**
 * The timeline of a citizen and of every record linked to it (directly or through another linked record),
 * in the order things happened. Links are read as they are now, also for a `knownAt` read.
 */
export async function readTimeline(
  db: Pick<PoolClient, 'query'>,
  citizenId: string,
  asOf: TimelineAsOf = {},
): Promise<TimelineEntryRow[]> {
  const { rows } = await db.query<TimelineEntryRow>(
    `WITH RECURSIVE ${linkedPersonCte(1)}
     SELECT event_id, citizen_id, type, category, occurred_at, recorded_at, summary, stream_id
       FROM timeline_entries
      WHERE citizen_id IN (SELECT citizen_id FROM person)
        -- recorded_at has microseconds and the API shows milliseconds: an instant copied from a response
        -- must include the entry it was copied from.
        AND ($2::timestamptz IS NULL OR recorded_at < $2::timestamptz + interval '1 millisecond')
        AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
      ORDER BY occurred_at, global_position`,
    [[citizenId], asOf.knownAt?.toISOString() ?? null, asOf.validAt?.toISOString() ?? null],
  );
  return rows;
}
