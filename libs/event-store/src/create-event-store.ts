import type { AppConfig } from '@hf/platform';
import type { Pool } from 'pg';
import type { EventStore } from './port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/**
 * The event store the configuration chooses, for code outside Nest (the CLI). Today always the PostgreSQL
 * adapter; the EventStoreDB/KurrentDB choice (EVENT_STORE=eventstoredb) is to be added here and in
 * EventStoreModule together.
 */
export function createEventStore(_config: AppConfig, pool: Pool): EventStore {
  return new PostgresEventStore(pool);
}
