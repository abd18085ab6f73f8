import { loadConfig } from '@hf/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { chooseEventStore } from './event-store.module';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

function recordingLogger() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const logger = {
    info: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
  } as unknown as Logger;
  return { logger, lines };
}

describe('choosing the event store by configuration', () => {
  const postgres = new PostgresEventStore({} as Pool);

  it('binds the PostgreSQL adapter by default and says so at start-up', () => {
    const { logger, lines } = recordingLogger();
    expect(chooseEventStore(loadConfig({}), postgres, logger)).toBe(postgres);
    expect(lines).toEqual([{ fields: { eventStore: 'postgres' }, message: 'event store: PostgreSQL' }]);
  });

  it('binds EventStoreDB when asked, and logs the server without its credentials', async () => {
    const { logger, lines } = recordingLogger();
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://admin:changeit@kurrentdb:2113?tls=false',
    });
    const store = chooseEventStore(config, postgres, logger);
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      expect(lines).toHaveLength(1);
      expect(lines[0].fields).toEqual({
        eventStore: 'eventstoredb',
        server: 'esdb://kurrentdb:2113?tls=false',
      });
      expect(JSON.stringify(lines)).not.toContain('changeit');
    } finally {
      await (store as EventStoreDbEventStore).close();
    }
  });
});
