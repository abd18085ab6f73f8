import { ALERT_ENGINE } from './alerts/alert-engine.projection';
import { allProjections } from './projections.module';

/**
 * Every read model whose lag is reported (metrics, readiness). The alert engine and inbox run on their own
 * runner in the worker (they need the store and the clock), but they trail the same log.
 */
export function reportedProjectionNames(): string[] {
  return [...allProjections().map((p) => p.name), ALERT_ENGINE, 'alerts-inbox'];
}
