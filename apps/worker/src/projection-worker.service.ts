import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@hf/event-store';
import { APP_CONFIG, AppConfig, LOGGER, PG_POOL } from '@hf/platform';
import { Projection, PROJECTIONS, ProjectionRunner } from '@hf/projections';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

/** Runs every projection from its checkpoint for as long as the process lives. */
@Injectable()
export class ProjectionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.runner = new ProjectionRunner(pool, store, projections, logger, {
      batchSize: 500,
      idleDelayMs: config.projectionPollMs,
    });
  }

  onApplicationBootstrap() {
    this.runner.start();
    this.logger.info('projection worker started');
  }

  async beforeApplicationShutdown() {
    await this.runner.stop();
    this.logger.info('projection worker stopped');
  }
}
