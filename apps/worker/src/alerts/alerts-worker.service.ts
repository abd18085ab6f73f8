import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { APP_CONFIG, AppConfig, LOGGER, PG_POOL } from '@hf/platform';
import { ProjectionRunner } from '@hf/projections';
import {
  alertProjections,
  AlertEngineProjection,
  AlertsInboxProjection,
  AlertTimerPoller,
} from '@hf/projections/alerts';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { CLOCK, Clock, systemClock } from '../../../api/src/shared/clock';

/** Connections of the alert worker's own pool: two runner loops (engine, inbox) and the timer poller. */
export const ALERT_POOL_SIZE = 5;

/**
 * Runs the alert engine, the alert inbox read model and the durable timer poller, on a connection pool of their
 * own: alert work can neither starve the API and the other read models of connections nor be starved by them.
 * They are not in allProjections() because they need the store and the clock; `cli rebuild` therefore does not
 * rebuild them (re-raising is idempotent, but timers would need care), while their lag is reported with the rest.
 *
 * Time is the API's clock (the global CLOCK provider) when the worker runs inside the API process, as in tests;
 * the standalone worker has no CLOCK provider and reads the system clock.
 */
@Injectable()
export class AlertsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly engine: AlertEngineProjection;
  readonly inbox: AlertsInboxProjection;
  readonly runner: ProjectionRunner;
  readonly timers: AlertTimerPoller;

  constructor(
    @Inject(PG_POOL) shared: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    const time = clock ?? systemClock;
    this.pool = new Pool({
      ...shared.options,
      max: ALERT_POOL_SIZE,
      application_name: 'housing-first-alerts',
    });
    this.pool.on('error', (error) =>
      logger.warn({ err: error.message }, 'idle alert database client failed'),
    );
    // With the log in PostgreSQL the engine appends and reads inside its checkpoint transaction, on a connection
    // of this pool; with any other store its appends commit first (see AlertActions).
    [this.engine, this.inbox] = alertProjections(store, time, logger);
    this.runner = new ProjectionRunner(this.pool, store, [this.engine, this.inbox], logger, {
      batchSize: 200,
      idleDelayMs: config.projectionPollMs,
    });
    this.timers = new AlertTimerPoller(this.pool, store, time, logger, {
      idleDelayMs: config.projectionPollMs,
    });
  }

  onApplicationBootstrap() {
    this.runner.start();
    this.timers.start();
    this.logger.info('alert engine, alert inbox and timers started');
  }

  async beforeApplicationShutdown() {
    await Promise.all([this.runner.stop(), this.timers.stop()]);
    await this.pool.end().catch(() => undefined);
    this.logger.info('alert engine, alert inbox and timers stopped');
  }
}
