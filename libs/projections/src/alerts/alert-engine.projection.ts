import { decodeEvent, isDomainEventType } from '@hf/domain';
import {
  ALERT_RULES,
  alertProcess,
  eventConcernsAlerts,
  evolveAlertFacts,
  initialAlertFacts,
  planForFact,
  type AlertEvent,
  type AlertFacts,
  type AlertRule,
  type AlertTrigger,
  type FactEvent,
} from '@hf/domain/alerts';
import type { EventMetadata, EventStore, RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { Projection } from '../projection';
import { AlertActions, AlertBatch, alertIdFor, loadFacts, saveFacts } from './alert-store';

export const ALERT_ENGINE = 'alert-engine';
const ALERT_EVENT_TYPES = new Set(Object.keys(alertProcess.events));

export interface EngineClock {
  now(): Date;
}

/**
 * The alert engine: a projection (so it runs under the runner's checkpoint lock, and a batch, its alert events, its
 * timers and its checkpoint commit together or not at all) that folds each citizen's facts and evaluates the alert
 * rules on every event (libs/domain/src/alerts).
 *
 * Exactly once, by construction rather than by luck: a crashed batch rolls back everything it appended (or, with
 * a store outside PostgreSQL, keeps what it appended) and is processed again with the same derived ids, and the
 * alert decider turns anything already done into a no-op.
 * Time comes from the injected clock (the same one the API uses), read once per batch.
 *
 * Not a read model: it is not rebuilt with the read models (a reset would only re-fold the facts; the alerts in the
 * log stay, and re-evaluation raises nothing new thanks to the derived ids and the stale-alert rule).
 */
export class AlertEngineProjection implements Projection {
  readonly name = ALERT_ENGINE;
  private readonly actions: AlertActions;

  constructor(
    store: EventStore,
    private readonly clock: EngineClock,
    logger?: Logger,
    private readonly rules: readonly AlertRule[] = ALERT_RULES,
  ) {
    this.actions = new AlertActions(store, logger);
  }

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    const now = this.clock.now();
    const citizens = [...new Set(events.filter(isCitizenFact).map((e) => e.data.citizenId as string))];
    const stored = await loadFacts(tx, citizens);
    const batch = await AlertBatch.load(tx, citizens);
    const facts = new Map<string, AlertFacts>();
    for (const recorded of events) {
      if (ALERT_EVENT_TYPES.has(recorded.type)) {
        // Acknowledgements and resolutions by people reach the engine through the feed.
        batch.track(decodeEvent(recorded) as AlertEvent);
        continue;
      }
      if (!isCitizenFact(recorded)) continue;
      const citizenId = recorded.data.citizenId as string;
      const trigger: AlertTrigger = {
        eventId: recorded.id,
        recordedAt: learntAt(recorded, now),
        event: decodeEvent(recorded) as FactEvent,
      };
      const before = facts.get(citizenId) ?? stored.get(citizenId) ?? initialAlertFacts(citizenId);
      const after = evolveAlertFacts(before, trigger);
      if (after !== before) facts.set(citizenId, after); // the fold returns the same object when nothing changed
      if (!eventConcernsAlerts(recorded.type, this.rules)) continue;
      const planned = planForFact(trigger, after, batch.known(citizenId), now, alertIdFor, this.rules);
      if (planned.length > 0) await this.actions.run(tx, planned, now, metadataFor(recorded), batch);
    }
    await batch.flush(tx);
    await saveFacts(tx, [...facts.values()]);
  }

  /** Forgets the folded facts and the index; the alerts themselves are events and stay. */
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE alert_facts, alert_engine_alerts');
  }
}

/**
 * When the system learnt the fact: the store's recorded_at (the database's clock), but never later than the
 * engine's own clock, which may be injected (tests, simulations) and is the time every other rule input uses.
 */
function learntAt(recorded: RecordedEvent, now: Date): string {
  return new Date(Math.min(recorded.recordedAt.getTime(), now.getTime())).toISOString();
}

function isCitizenFact(recorded: RecordedEvent): boolean {
  return (
    isDomainEventType(recorded.type) &&
    !ALERT_EVENT_TYPES.has(recorded.type) &&
    typeof recorded.data.citizenId === 'string'
  );
}

/** Alert events continue the request that recorded the fact, caused by the fact, recorded by the engine. */
function metadataFor(recorded: RecordedEvent): EventMetadata {
  const correlationId =
    typeof recorded.metadata?.correlationId === 'string' ? recorded.metadata.correlationId : recorded.id;
  return {
    correlationId,
    causationId: recorded.id,
    principal: ALERT_ENGINE,
    unit: 'system',
    source: { system: ALERT_ENGINE },
  };
}
