import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventStoreModule } from '@hf/event-store';
import {
  closeGracefullyOnSignals,
  createLogger,
  loadConfig,
  PinoNestLogger,
  PlatformModule,
} from '@hf/platform';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker alone, as each worker replica runs: projections, alert rules and timers, webhook delivery.
 * SIGTERM finishes the work in flight and exits 0. `extra` modules are for tests that watch the worker from
 * inside (the multi-process test records every batch it commits).
 */
export async function runWorker(extra: Array<Type<unknown> | DynamicModule> = []): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  @Module({ imports: [PlatformModule.forRoot(config, logger), EventStoreModule, WorkerModule, ...extra] })
  class WorkerAppModule {}

  // Initialises too: the runners start here.
  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: new PinoNestLogger(logger),
  });
  closeGracefullyOnSignals(app, logger, { timeoutMs: config.shutdownTimeoutMs });
  logger.info({ pid: process.pid }, 'worker running');
}
