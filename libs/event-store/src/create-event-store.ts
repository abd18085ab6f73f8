import type { AppConfig } from '@hf/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { chooseEventStore } from './event-store.module';
import type { EventStore } from './port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/**
 * The event store the configuration chooses, for code outside Nest (the CLI, benchmarks): the same choice
 * EventStoreModule makes, so an admin command never reads another log than the service writes.
 */
export function createEventStore(config: AppConfig, pool: Pool, logger: Logger): EventStore {
  return chooseEventStore(config, new PostgresEventStore(pool), logger);
}
