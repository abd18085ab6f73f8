import type { EventStore } from '@hf/event-store';
import type { Logger } from 'pino';
import { AlertEngineProjection, EngineClock } from './alert-engine.projection';
import { AlertsInboxProjection } from './alerts-inbox.projection';

/**
 * The alert projections: the engine (which appends alert events) and the inbox read model (which reads them). The
 * alert worker runs them on a pool of its own; a rebuild of the inbox is `runner.reset(inbox)` + `catchUp(inbox)`
 * like any read model, and resetting the engine only re-folds its facts (alerts are events and stay).
 */
export function alertProjections(
  store: EventStore,
  clock: EngineClock = { now: () => new Date() },
  logger?: Logger,
): [AlertEngineProjection, AlertsInboxProjection] {
  return [new AlertEngineProjection(store, clock, logger), new AlertsInboxProjection()];
}
