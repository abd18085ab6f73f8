import {
  categoryOf,
  decodeEvent,
  EventCategory,
  isDomainEventType,
  legalBasisOf,
  PROCESSES,
  summariesOnceErased,
  summarize,
} from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { readPersonRecords } from '../citizen-status/linked-person';
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
/** The event type each MedCom notice code records (institution process). */
const RETRACTED_TYPE: Readonly<Record<string, string>> = {
  STIN: 'HospitalAdmissionRecorded',
  STAA: 'HospitalAdmissionRecorded',
  STOR: 'LeaveStarted',
  SLOR: 'LeaveEnded',
  SLHJ: 'DischargedFromHospital',
  MORS: 'DiedInHospital',
};

export class TimelineProjection implements Projection {
  readonly name = 'timeline';
  private readonly openerStatistics = new StatisticsRefresh('timeline_openers');

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    await this.insert(tx, events);
    const admissions = new LatestAdmissionEvents();
    for (const event of events) {
      admissions.note(event);
      if (event.type === 'CitizenPersonalDataErased' && typeof event.data.citizenId === 'string') {
        await this.redactFreeText(tx, event.data.citizenId);
      }
      if (event.type === 'HospitalNoticeCancelled') await this.markRetracted(tx, event, admissions);
    }
    await admissions.save(tx);
  }

  private async insert(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    const openers = await Openers.load(tx, events);
    const rows: RecordedEvent[] = [];
    const access: EntryAccessColumns[] = [];
    // In apply order: an entry sees the openers applied before it (and its own), whatever the batch size.
    for (const e of events) {
      openers.note(e);
      if (
        isDomainEventType(e.type) &&
        !OFF_THE_TIMELINE.has(e.type) &&
        typeof e.data.citizenId === 'string'
      ) {
        rows.push(e);
        access.push(accessOf(e, openers));
      }
    }
    await this.openerStatistics.grew(tx, await openers.save(tx));
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO timeline_entries
         (event_id, citizen_id, global_position, stream_id, type, occurred_at, recorded_at, summary, category,
          recorded_by_unit, related_units, related_municipalities, legal_basis)
       SELECT e, c, g, s, t, o, r, su, ca, ru, ARRAY(SELECT jsonb_array_elements_text(rel::jsonb)),
              ARRAY(SELECT jsonb_array_elements_text(mun::jsonb)), lb
         FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[],
                     $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[])
              AS x(e, c, g, s, t, o, r, su, ca, ru, rel, mun, lb)
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
        access.map((a) => a.recordedByUnit),
        access.map((a) => JSON.stringify(a.relatedUnits)),
        access.map((a) => JSON.stringify(a.relatedMunicipalities)),
        access.map((a) => a.legalBasis),
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

  /**
   * MedCom AN_xx: the retracted notice keeps its row (the history is what it is), but its summary says it was
   * retracted, so nobody reads an admission that never happened as a fact. The row is the latest event of the
   * cancelled kind for the same admission applied before the cancellation; a rebuild finds the same row.
   */
  private async markRetracted(
    tx: PoolClient,
    event: RecordedEvent,
    admissions: LatestAdmissionEvents,
  ): Promise<void> {
    const type = RETRACTED_TYPE[String(event.data.cancelledCode)];
    if (type === undefined) return;
    const retracted = await admissions.latest(tx, event.streamId, type, String(event.data.admissionId));
    if (retracted === null) return;
    const note = ` [retracted: ${String(event.data.medcomCode)}]`;
    await tx.query(
      `UPDATE timeline_entries SET summary = summary || $2 WHERE event_id = $1 AND strpos(summary, $2) = 0`,
      [retracted, note],
    );
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE timeline_entries, timeline_openers, timeline_admission_events');
  }
}

const RETRACTABLE_TYPES = new Set(Object.values(RETRACTED_TYPE));

/**
 * The latest event of each retractable kind per (stream, kind, admission), as applied so far: this batch's in
 * memory, earlier batches' in timeline_admission_events (migration 0016).
 */
class LatestAdmissionEvents {
  private readonly batch = new Map<string, { key: [string, string, string]; eventId: string }>();

  note(event: RecordedEvent): void {
    if (!RETRACTABLE_TYPES.has(event.type) || typeof event.data.admissionId !== 'string') return;
    const key: [string, string, string] = [event.streamId, event.type, event.data.admissionId];
    this.batch.set(JSON.stringify(key), { key, eventId: event.id });
  }

  async latest(tx: PoolClient, streamId: string, type: string, admissionId: string): Promise<string | null> {
    const noted = this.batch.get(JSON.stringify([streamId, type, admissionId]));
    if (noted) return noted.eventId;
    const { rows } = await tx.query<{ event_id: string }>(
      `SELECT event_id FROM timeline_admission_events WHERE stream_id = $1 AND type = $2 AND admission_id = $3`,
      [streamId, type, admissionId],
    );
    return rows[0]?.event_id ?? null;
  }

  async save(tx: PoolClient): Promise<void> {
    if (this.batch.size === 0) return;
    const entries = [...this.batch.values()];
    await tx.query(
      `INSERT INTO timeline_admission_events (stream_id, type, admission_id, event_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[])
       ON CONFLICT (stream_id, type, admission_id) DO UPDATE SET event_id = excluded.event_id`,
      [
        entries.map((e) => e.key[0]),
        entries.map((e) => e.key[1]),
        entries.map((e) => e.key[2]),
        entries.map((e) => e.eventId),
      ],
    );
  }
}

/**
 * Keeps the planner statistics of a look-up table (queried with the keys a batch names) in step with its growth.
 * A rebuild starts from an emptied table whose statistics, when there are any, say it is empty or tiny: with no
 * idea how many rows a key matches, the planner guessed the batch's keys would match much of the table and read
 * all of it for every page (5M rebuild: 3,479 sequential scans, 179M rows). A join on unnest() plans the same; a
 * forced per-key probe (LATERAL ... OFFSET 0) uses the index but is estimated so dear that JIT compiles it, which
 * cost more than the scan. So the table is analyzed whenever this process has added as many rows as it held at
 * the last analyze (the first time after `first` rows): a handful of ANALYZEs per rebuild, about one per process
 * when live. The ANALYZE runs in the batch's transaction, whose own rows it counts.
 */
export class StatisticsRefresh {
  private added = 0;
  private next: number;

  constructor(
    private readonly table: string,
    private readonly first = 1000,
  ) {
    this.next = first;
  }

  async grew(tx: PoolClient, rows: number): Promise<void> {
    this.added += rows;
    if (this.added < this.next) return;
    await tx.query(`ANALYZE ${this.table}`);
    const { rows: stats } = await tx.query<{ reltuples: number }>(
      'SELECT reltuples FROM pg_class WHERE oid = $1::regclass',
      [this.table],
    );
    this.added = 0;
    this.next = Math.max(this.first, Number(stats[0]?.reltuples ?? 0));
  }
}

/**
 * The units that opened stays and offers (an admission's shelter, an offer's housing association), so the
 * stay's and offer's later events are tied to them: loaded for the keys a batch names from timeline_openers
 * (migration 0016), completed by the batch's own openers in apply order, and saved with the batch.
 */
class Openers {
  private readonly added: [string, string][] = [];

  private constructor(private readonly known: Map<string, Set<string>>) {}

  static async load(tx: PoolClient, events: readonly RecordedEvent[]): Promise<Openers> {
    const keys = [...new Set(events.flatMap(openerKeysOf))];
    const known = new Map<string, Set<string>>();
    if (keys.length > 0) {
      const { rows } = await tx.query<{ opener: string; unit: string }>(
        'SELECT opener, unit FROM timeline_openers WHERE opener = ANY($1::text[])',
        [keys],
      );
      for (const row of rows) known.set(row.opener, (known.get(row.opener) ?? new Set()).add(row.unit));
    }
    return new Openers(known);
  }

  note(e: RecordedEvent): void {
    if (e.type === 'ShelterAdmissionRecorded')
      this.add(`stay:${String(e.data.stayId)}`, String(e.data.shelterId));
    if (e.type === 'HousingOffered')
      this.add(`offer:${String(e.data.offerId)}`, String(e.data.housingAssociation));
  }

  unitsOf(key: string): string[] {
    return [...(this.known.get(key) ?? [])].sort();
  }

  /** Saves the batch's new openers; answers how many rows that added. */
  async save(tx: PoolClient): Promise<number> {
    if (this.added.length === 0) return 0;
    const { rowCount } = await tx.query(
      `INSERT INTO timeline_openers (opener, unit) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING`,
      [this.added.map(([opener]) => opener), this.added.map(([, unit]) => unit)],
    );
    return rowCount ?? 0;
  }

  private add(key: string, unit: string): void {
    const units = this.known.get(key) ?? new Set<string>();
    if (units.has(unit)) return;
    this.known.set(key, units.add(unit));
    this.added.push([key, unit]);
  }
}

function openerKeysOf(e: RecordedEvent): string[] {
  return [
    ...(typeof e.data.stayId === 'string' ? [`stay:${e.data.stayId}`] : []),
    ...(typeof e.data.offerId === 'string' ? [`offer:${e.data.offerId}`] : []),
  ];
}

interface EntryAccessColumns {
  recordedByUnit: string | null;
  relatedUnits: string[];
  relatedMunicipalities: string[];
  legalBasis: string | null;
}

/** Fields of event data that name a unit the event is about (a shelter, provider, destination, association). */
const UNIT_FIELDS = [
  'shelterId',
  'providerUnitId',
  'destination',
  'acknowledgingUnitId',
  'housingAssociation',
];
const MUNICIPALITY_FIELDS = ['municipalityOfStay', 'decidingMunicipality'];

/**
 * What the access policy needs per entry (see migration 0013). Events of a stay or an offer that do not repeat
 * the shelter or association are tied to it through the admission or offer that opened it.
 */
function accessOf(e: RecordedEvent, openers: Openers): EntryAccessColumns {
  const related = UNIT_FIELDS.map((f) => e.data[f]).filter((v): v is string => typeof v === 'string');
  if (typeof e.data.stayId === 'string') related.push(...openers.unitsOf(`stay:${e.data.stayId}`));
  if (typeof e.data.offerId === 'string') related.push(...openers.unitsOf(`offer:${e.data.offerId}`));
  const unit = e.metadata.unit;
  const basis = typeof e.data.legalBasis === 'string' ? e.data.legalBasis : legalBasisOf(e.type);
  return {
    recordedByUnit: typeof unit === 'string' ? unit : null,
    relatedUnits: [...new Set(related)],
    relatedMunicipalities: MUNICIPALITY_FIELDS.map((f) => e.data[f]).filter(
      (v): v is string => typeof v === 'string',
    ),
    legalBasis: basis ?? null,
  };
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
  recorded_by_unit: string | null;
  related_units: string[];
  legal_basis: string | null;
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
  const person = await readPersonRecords(db, [citizenId]);
  const { rows } = await db.query<TimelineEntryRow>(
    `SELECT event_id, citizen_id, type, category, occurred_at, recorded_at, summary, stream_id,
            recorded_by_unit, related_units, legal_basis
       FROM timeline_entries
      WHERE citizen_id = ANY ($1::uuid[])
        -- recorded_at has microseconds and the API shows milliseconds: an instant copied from a response
        -- must include the entry it was copied from.
        AND ($2::timestamptz IS NULL OR recorded_at < $2::timestamptz + interval '1 millisecond')
        AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz)
      ORDER BY occurred_at, global_position`,
    [person.recordIds, asOf.knownAt?.toISOString() ?? null, asOf.validAt?.toISOString() ?? null],
  );
  return rows;
}
