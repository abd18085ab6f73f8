import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { EventStoreModule } from '@hf/event-store';
import { createLogger, loadConfig, PinoNestLogger, PlatformModule } from '@hf/platform';
import { WorkerModule } from './worker.module';

/** The worker alone, for deployments that run api and worker replicas separately. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  @Module({ imports: [PlatformModule.forRoot(config, logger), EventStoreModule, WorkerModule] })
  class WorkerAppModule {}

  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
