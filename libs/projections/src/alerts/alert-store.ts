import { decodeEvent, DomainError, fold, schemaVersionOf } from '@hf/domain';
import {
  alertDecider,
  alertStreamId,
  type AlertAction,
  type AlertEvent,
  type AlertFacts,
  type AlertRaisedData,
  type KnownAlert,
  type TimerPlan,
} from '@hf/domain/alerts';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  transactionalAppendOf,
} from '@hf/event-store';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the alert engine's derived ids (any fixed UUID; never change it, or replays raise anew). */
const ALERT_ID_NAMESPACE = 'b8f0c5e2-6a7d-4c1f-9e3b-2d5a8f1c7e40';

/** UUID v5 of a seed: the same seed is the same id on every worker, retry and rebuild. */
export const alertIdFor = (seed: string): string => uuidv5(seed, ALERT_ID_NAMESPACE);

/**
 * How alert actions reach the log. With a store that can append inside a PostgreSQL transaction (the PostgreSQL
 * adapter), alert events commit with the engine's checkpoint or the timer's fired mark, and the stream is read as
 * that transaction sees it. With any other store, events are appended at once through the port and the PostgreSQL
 * side commits after: a crash in between runs the batch or timer again, and the derived event ids plus the alert
 * decider (which turns what is already on record into a no-op) make the re-run append nothing twice.
 */
interface AlertLog {
  read(tx: PoolClient, streamId: string): Promise<RecordedEvent[]>;
  append(
    tx: PoolClient,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult>;
}

function alertLogOf(store: EventStore): AlertLog {
  const within = transactionalAppendOf(store);
  if (within) {
    return {
      read: (tx, streamId) => within.readStreamWithin(tx, streamId),
      append: (tx, streamId, events, expected) => within.appendWithin(tx, streamId, events, expected),
    };
  }
  return {
    read: (_tx, streamId) => store.readStream(streamId),
    append: (_tx, streamId, events, expected) => store.append(streamId, events, expected),
  };
}

/**
 * Executes planned alert actions inside one transaction: decides each command on the alert's stream as read in
 * that transaction (so it sees the transaction's own appends), appends with the expected version, keeps the
 * engine's alert index in step, and stores timers by id (scheduling one twice is a no-op).
 *
 * A refusal by the alert decider (the alert is already closed, an acknowledgement already recorded...) means
 * there is nothing left to do and is skipped; any other error fails the transaction, which then runs again.
 */
export class AlertActions {
  private readonly log: AlertLog;

  constructor(
    store: EventStore,
    private readonly logger?: Logger,
  ) {
    this.log = alertLogOf(store);
  }

  /**
   * `batch`, when given, is the caller's view of the index and of the alert streams for the rest of its
   * transaction (the engine's batch); without it, the index is written at once (a timer's transaction).
   */
  async run(
    tx: PoolClient,
    actions: readonly AlertAction[],
    now: Date,
    metadata: EventMetadata,
    batch?: AlertBatch,
  ): Promise<AlertEvent[]> {
    const appended: AlertEvent[] = [];
    for (const action of actions) {
      if (action.kind === 'timer')
        await (batch ? batch.schedule(action.timer) : scheduleTimer(tx, action.timer));
      else appended.push(...(await this.command(tx, action, now, metadata, batch)));
    }
    return appended;
  }

  private async command(
    tx: PoolClient,
    action: Extract<AlertAction, { kind: 'command' }>,
    now: Date,
    metadata: EventMetadata,
    batch?: AlertBatch,
  ): Promise<AlertEvent[]> {
    const streamId = alertStreamId(action.alertId);
    const trackAlertEvent = batch
      ? (_tx: PoolClient, event: AlertEvent) => batch.track(event)
      : trackAlertEventNow;
    const history = batch?.stream(streamId) ?? (await this.log.read(tx, streamId)).map(toAlertEvent);
    batch?.rememberStream(streamId, history);
    const state = fold(alertDecider, history);
    let events: AlertEvent[];
    try {
      events = alertDecider.decide(action.command, state, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger?.debug(
        { alertId: action.alertId, command: action.command.type, rule: error.code },
        'alert action skipped',
      );
      // What is on record may be ahead of the index (events appended before a crash): catch the index up.
      for (const event of history) await trackAlertEvent(tx, event);
      return [];
    }
    if (events.length === 0) {
      // a replayed raise: make sure the index knows what is on record
      for (const event of history) await trackAlertEvent(tx, event);
      return [];
    }
    await this.log.append(
      tx,
      streamId,
      events.map((event, index) => ({
        id: index === 0 ? action.eventId : alertIdFor(`${action.eventId}|${index}`),
        type: event.type,
        schemaVersion: schemaVersionOf(event.type),
        data: event.data,
        metadata,
        occurredAt: new Date(event.data.occurredAt),
      })),
      ExpectedVersion.fromVersion(history.length),
    );
    batch?.rememberStream(streamId, [...history, ...events]);
    for (const event of events) await trackAlertEvent(tx, event);
    return events;
  }
}

/** An alert's recorded event, decoded (upcast) as the alert decider expects. */
function toAlertEvent(recorded: RecordedEvent): AlertEvent {
  return decodeEvent({
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    data: recorded.data,
  }) as AlertEvent;
}

/** Keeps the engine's index of alerts in step with an alert event (from its own appends or from the feed). */
async function trackAlertEventNow(tx: PoolClient, event: AlertEvent): Promise<void> {
  if (event.type === 'AlertRaised') await indexAlert(tx, event.data);
  else if (event.type === 'AlertResolved' || event.type === 'AlertExpired') {
    await tx.query('UPDATE alert_engine_alerts SET closed = true WHERE alert_id = $1', [event.data.alertId]);
  }
}

async function indexAlert(tx: PoolClient, alert: AlertRaisedData): Promise<void> {
  await tx.query(
    `INSERT INTO alert_engine_alerts (alert_id, citizen_id, rule_id, subject_id, raised)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (alert_id) DO NOTHING`,
    [alert.alertId, alert.citizenId, alert.ruleId, alert.subjectId, JSON.stringify(alert)],
  );
}

/**
 * What one engine batch knows of the alert index and of the alert streams it touched, so that it costs one query to
 * load and at most three to write instead of a query per event, per alert event and per timer.
 *
 * The index rows of the batch's citizens are loaded once; the batch's own index changes are kept in memory, applied
 * to what `known` returns (so a later event of the batch sees an alert an earlier one raised or closed), and written
 * by `flush` with the same outcome as writing each change at once: a raise inserts unless the alert is indexed, a
 * close marks the alert closed if it is indexed by then. Only timers write the index besides the engine, in their
 * own transactions: one that commits during the batch is seen at the next batch instead of the next event, the
 * race the per-event read already had between reading and appending, and settled the same way (derived ids, the
 * decider, ON CONFLICT).
 *
 * Streams are remembered as read or appended by this batch; another writer appending to the same alert in between
 * (a person acknowledging it) makes the batch's append fail on its expected version, and the batch runs again.
 */
export class AlertBatch {
  private readonly indexed = new Map<string, KnownAlert[]>();
  /** the first raise of each alert this batch tracked, and whether a close came after it */
  private readonly raises = new Map<string, { alert: AlertRaisedData; closedAfter: boolean }>();
  private readonly closes = new Set<string>();
  private readonly streams = new Map<string, AlertEvent[]>();
  /** timers by id, the first plan kept (as ON CONFLICT DO NOTHING would keep it) */
  private readonly timers = new Map<string, TimerPlan>();

  private constructor(rows: readonly { raised: AlertRaisedData; closed: boolean }[]) {
    for (const { raised, closed } of rows) {
      const list = this.indexed.get(raised.citizenId) ?? [];
      list.push({ alert: raised, closed });
      this.indexed.set(raised.citizenId, list);
    }
  }

  static async load(tx: PoolClient, citizenIds: readonly string[]): Promise<AlertBatch> {
    if (citizenIds.length === 0) return new AlertBatch([]);
    const { rows } = await tx.query<{ raised: AlertRaisedData; closed: boolean }>(
      'SELECT raised, closed FROM alert_engine_alerts WHERE citizen_id = ANY($1::uuid[])',
      [citizenIds],
    );
    return new AlertBatch(rows);
  }

  /** The citizen's alerts as `knownAlerts` would read them now (the citizen must be one the batch loaded). */
  known(citizenId: string): KnownAlert[] {
    const stored = this.indexed.get(citizenId) ?? [];
    const storedIds = new Set(stored.map((k) => k.alert.alertId));
    const known = stored.map(({ alert, closed }) => ({
      alert,
      closed: closed || this.closes.has(alert.alertId),
    }));
    for (const [alertId, { alert, closedAfter }] of this.raises) {
      if (alert.citizenId === citizenId && !storedIds.has(alertId))
        known.push({ alert, closed: closedAfter });
    }
    return known.sort(byOccurredAtThenId);
  }

  track(event: AlertEvent): void {
    if (event.type === 'AlertRaised') {
      if (!this.raises.has(event.data.alertId))
        this.raises.set(event.data.alertId, { alert: event.data, closedAfter: false });
    } else if (event.type === 'AlertResolved' || event.type === 'AlertExpired') {
      this.closes.add(event.data.alertId);
      const raise = this.raises.get(event.data.alertId);
      if (raise) raise.closedAfter = true;
    }
  }

  schedule(timer: TimerPlan): void {
    if (!this.timers.has(timer.id)) this.timers.set(timer.id, timer);
  }

  stream(streamId: string): AlertEvent[] | undefined {
    return this.streams.get(streamId);
  }

  rememberStream(streamId: string, events: AlertEvent[]): void {
    this.streams.set(streamId, events);
  }

  /**
   * Writes the batch's index changes. Closing first reaches only alerts indexed before the batch; an alert first
   * raised in the batch is inserted already closed if a close followed its raise (a close before it found no row).
   * Timers go in with them: nothing reads them before the batch commits.
   */
  async flush(tx: PoolClient): Promise<void> {
    if (this.timers.size > 0) {
      const timers = [...this.timers.values()];
      await tx.query(
        `INSERT INTO timers (id, due_at, kind, payload)
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::jsonb[])
         ON CONFLICT (id) DO NOTHING`,
        [
          timers.map((t) => t.id),
          timers.map((t) => t.dueAt),
          timers.map((t) => t.kind),
          timers.map((t) => JSON.stringify(t.payload)),
        ],
      );
    }
    if (this.closes.size > 0) {
      await tx.query('UPDATE alert_engine_alerts SET closed = true WHERE alert_id = ANY($1::uuid[])', [
        [...this.closes],
      ]);
    }
    if (this.raises.size > 0) {
      const rows = [...this.raises.values()];
      await tx.query(
        `INSERT INTO alert_engine_alerts (alert_id, citizen_id, rule_id, subject_id, raised, closed)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::boolean[])
         ON CONFLICT (alert_id) DO NOTHING`,
        [
          rows.map((r) => r.alert.alertId),
          rows.map((r) => r.alert.citizenId),
          rows.map((r) => r.alert.ruleId),
          rows.map((r) => r.alert.subjectId),
          rows.map((r) => JSON.stringify(r.alert)),
          rows.map((r) => r.closedAfter),
        ],
      );
    }
  }
}

/** knownAlerts' order (occurredAt is an ISO string of one shape, ids are lower-case UUIDs: text order is time order). */
function byOccurredAtThenId(a: KnownAlert, b: KnownAlert): number {
  const at = compare(a.alert.occurredAt, b.alert.occurredAt);
  return at !== 0 ? at : compare(a.alert.alertId, b.alert.alertId);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function knownAlerts(tx: PoolClient, citizenId: string): Promise<KnownAlert[]> {
  const { rows } = await tx.query<{ raised: AlertRaisedData; closed: boolean }>(
    "SELECT raised, closed FROM alert_engine_alerts WHERE citizen_id = $1 ORDER BY raised->>'occurredAt', alert_id",
    [citizenId],
  );
  return rows.map((r) => ({ alert: r.raised, closed: r.closed }));
}

export async function scheduleTimer(tx: PoolClient, timer: TimerPlan): Promise<void> {
  await tx.query(
    `INSERT INTO timers (id, due_at, kind, payload) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
    [timer.id, timer.dueAt, timer.kind, JSON.stringify(timer.payload)],
  );
}

export async function loadFacts(
  tx: PoolClient,
  citizenIds: readonly string[],
): Promise<Map<string, AlertFacts>> {
  if (citizenIds.length === 0) return new Map();
  const { rows } = await tx.query<{ citizen_id: string; facts: AlertFacts }>(
    'SELECT citizen_id, facts FROM alert_facts WHERE citizen_id = ANY($1::uuid[])',
    [citizenIds],
  );
  return new Map(rows.map((r) => [r.citizen_id, r.facts]));
}

export async function saveFacts(tx: PoolClient, facts: readonly AlertFacts[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `INSERT INTO alert_facts (citizen_id, facts, updated_at)
     SELECT u.citizen_id, u.facts, now() FROM unnest($1::uuid[], $2::jsonb[]) AS u(citizen_id, facts)
     ON CONFLICT (citizen_id) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at`,
    [facts.map((f) => f.citizenId), facts.map((f) => JSON.stringify(f))],
  );
}
