import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { APP_CONFIG, AppConfig, LOGGER } from '@hf/platform';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { CLOCK, Clock, systemClock } from '../../../api/src/shared/clock';
import { PG_POOL } from '@hf/platform';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Connections of the dispatcher's own pool: the claim and outcome transactions and the access look-ups. */
export const WEBHOOK_POOL_SIZE = 3;

/**
 * Runs the webhook dispatcher on a pool of its own, so slow receivers and access look-ups never take connections
 * from the API or the projections. Time is the API's clock when the worker runs in the API process (tests), else
 * the system clock.
 */
@Injectable()
export class WebhooksWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly dispatcher: WebhookDispatcher;

  constructor(
    @Inject(PG_POOL) shared: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.pool = new Pool({
      ...shared.options,
      max: WEBHOOK_POOL_SIZE,
      application_name: 'housing-first-webhooks',
    });
    this.pool.on('error', (error) =>
      logger.warn({ err: error.message }, 'idle webhook database client failed'),
    );
    // Access look-ups read the log through the store (its own connections), the queue through this pool.
    this.dispatcher = new WebhookDispatcher(
      this.pool,
      store,
      config.webhooks,
      config.masterKey,
      clock ?? systemClock,
      logger,
      config.projectionPollMs,
    );
  }

  onApplicationBootstrap() {
    this.dispatcher.start();
    this.logger.info('webhook dispatcher started');
  }

  async beforeApplicationShutdown() {
    await this.dispatcher.stop();
    await this.pool.end().catch(() => undefined);
    this.logger.info('webhook dispatcher stopped');
  }
}
