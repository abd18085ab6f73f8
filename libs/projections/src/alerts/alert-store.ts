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

  async run(
    tx: PoolClient,
    actions: readonly AlertAction[],
    now: Date,
    metadata: EventMetadata,
  ): Promise<AlertEvent[]> {
    const appended: AlertEvent[] = [];
    for (const action of actions) {
      if (action.kind === 'timer') await scheduleTimer(tx, action.timer);
      else appended.push(...(await this.command(tx, action, now, metadata)));
    }
    return appended;
  }

  private async command(
    tx: PoolClient,
    action: Extract<AlertAction, { kind: 'command' }>,
    now: Date,
    metadata: EventMetadata,
  ): Promise<AlertEvent[]> {
    const streamId = alertStreamId(action.alertId);
    const history = (await this.log.read(tx, streamId)).map(toAlertEvent);
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
export async function trackAlertEvent(tx: PoolClient, event: AlertEvent): Promise<void> {
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
