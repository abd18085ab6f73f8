import { Global, Module } from '@nestjs/common';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { EVENT_STORE } from './port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** Binds the EventStore port to its adapter; an EventStoreDB adapter will be chosen here by config. */
@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useFactory: (pool: Pool) => new PostgresEventStore(pool), inject: [PG_POOL] },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
