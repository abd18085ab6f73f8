import { Global, Module } from '@nestjs/common';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { EVENT_STORE } from './port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/**
 * Binds the EventStore port to its adapter; an EventStoreDB adapter will be chosen here by config.
 * The PostgreSQL adapter is also offered by its class, for the few writes whose append must commit in one
 * transaction with other rows of the same database (erasure: the event and the deletion of the data key).
 */
@Global()
@Module({
  providers: [
    {
      provide: PostgresEventStore,
      useFactory: (pool: Pool) => new PostgresEventStore(pool),
      inject: [PG_POOL],
    },
    { provide: EVENT_STORE, useExisting: PostgresEventStore },
  ],
  exports: [EVENT_STORE, PostgresEventStore],
})
export class EventStoreModule {}
