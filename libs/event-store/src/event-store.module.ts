import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, LOGGER, PG_POOL, withoutCredentials } from '@hf/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { EVENT_STORE, EventStore } from './port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** Picks the adapter named by EVENT_STORE and says which one in the log (never with credentials). */
export function chooseEventStore(
  config: AppConfig,
  postgres: PostgresEventStore,
  logger: Logger,
): EventStore {
  if (config.eventStore.kind === 'postgres') {
    logger.info({ eventStore: 'postgres' }, 'event store: PostgreSQL');
    return postgres;
  }
  const { connectionString } = config.eventStore;
  logger.info(
    { eventStore: 'eventstoredb', server: withoutCredentials(connectionString) },
    'event store: EventStoreDB/KurrentDB',
  );
  return EventStoreDbEventStore.fromConnectionString(connectionString, {
    onWatchRetry: (error, attempt, delayMs) =>
      logger.warn(
        { err: error, attempt, delayMs },
        'EventStoreDB subscription failed; subscribing again from the last position seen',
      ),
  });
}

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // After beforeApplicationShutdown, so projection workers have stopped reading.
  async onApplicationShutdown() {
    if (this.store instanceof EventStoreDbEventStore) await this.store.close();
  }
}

/**
 * Binds the EventStore port to the adapter chosen by EVENT_STORE (default PostgreSQL). Writes that must
 * commit with other PostgreSQL rows (erasure, the alert engine) ask the bound store whether it can join
 * their transaction (transactionalAppendOf) and take the append-first path when it cannot.
 */
@Global()
@Module({
  providers: [
    {
      provide: PostgresEventStore,
      useFactory: (pool: Pool) => new PostgresEventStore(pool),
      inject: [PG_POOL],
    },
    {
      provide: EVENT_STORE,
      useFactory: chooseEventStore,
      inject: [APP_CONFIG, PostgresEventStore, LOGGER],
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE, PostgresEventStore],
})
export class EventStoreModule {}
