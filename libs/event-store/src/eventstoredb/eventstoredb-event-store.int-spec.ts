import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  contractEvent as event,
  describeEventStoreContract,
  readUntil,
} from '../contract/event-store-contract';
import { ExpectedVersion } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Runs the EventStore contract against a real EventStoreDB/KurrentDB: the one named by
 * EVENTSTORE_CONNECTION_STRING, else a throwaway container (EVENTSTORE_IMAGE, default
 * eventstore/eventstore:24.10, insecure and in memory) when testcontainers finds a container runtime.
 * Without either the suite is skipped, and the skipped test's name says why.
 */
const IMAGE = process.env.EVENTSTORE_IMAGE || 'eventstore/eventstore:24.10';

type Target =
  { kind: 'server'; connectionString: string } | { kind: 'container' } | { kind: 'none'; why: string };

function findTarget(): Target {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (connectionString) return { kind: 'server', connectionString };
  // Jest registers tests synchronously, and testcontainers only detects a runtime asynchronously: ask a
  // child process, which takes about half a second when there is none.
  try {
    const verdict = execFileSync(
      process.execPath,
      [
        '-e',
        `require('testcontainers').getContainerRuntimeClient()
           .then(() => console.log('found'), (e) => console.log('none: ' + String(e && e.message).split('\\n')[0]))`,
      ],
      { cwd: __dirname, timeout: 10_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    return verdict === 'found'
      ? { kind: 'container' }
      : { kind: 'none', why: verdict.replace(/^none: /, '') };
  } catch (error) {
    return { kind: 'none', why: `runtime detection failed (${(error as Error).message.split('\n')[0]})` };
  }
}

const target = findTarget();

if (target.kind === 'none') {
  const reason = `no EVENTSTORE_CONNECTION_STRING and no container runtime (${target.why})`;
  console.warn(`EventStoreDB contract skipped: ${reason}`);
  it.skip(`EventStoreDB contract skipped: ${reason}`, () => undefined);
} else {
  let store: EventStoreDbEventStore;
  let stopContainer: (() => Promise<unknown>) | undefined;
  let connectionString = '';

  const connect = async (): Promise<EventStoreDbEventStore> => {
    if (target.kind === 'server') {
      connectionString = target.connectionString;
      return EventStoreDbEventStore.fromConnectionString(connectionString);
    }
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(120_000)
      .start();
    stopContainer = () => container.stop();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    return EventStoreDbEventStore.fromConnectionString(connectionString);
  };

  describe(`EventStoreDbEventStore (${target.kind === 'server' ? 'given server' : IMAGE})`, () => {
    beforeAll(async () => {
      store = await connect();
    }, 180_000);
    afterAll(async () => {
      await store?.close();
      await stopContainer?.();
    });

    describeEventStoreContract('EventStoreDbEventStore', {
      create: async () => store,
      capabilities: EventStoreDbEventStore.capabilities,
      // The server may be shared and long-lived: no paging through all it holds to find its end.
      head: () => store.endCursor(),
    });

    describe('beyond the contract', () => {
      it('wakes a watcher soon after an append anywhere', async () => {
        let wakes = 0;
        const watch = store.watchAll(() => (wakes += 1));
        try {
          // The subscription starts at the end of the log; give it a moment to be live.
          await new Promise((resolve) => setTimeout(resolve, 500));
          await store.append(`watch-${randomUUID()}`, [event('Watched')], ExpectedVersion.noStream);
          const deadline = Date.now() + 5_000;
          while (wakes === 0 && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 20));
          expect(wakes).toBeGreaterThan(0);
        } finally {
          await watch.close();
        }
      });

      it("leaves the server's own events ($-streams, $-types) out of the feed", async () => {
        const stream = `m-${randomUUID()}`;
        const start = await store.endCursor();
        const admin = EventStoreDBClient.connectionString(connectionString);
        try {
          await store.append(stream, [event('M1')], ExpectedVersion.noStream);
          // Writes a $metadata event to the system stream $$<stream>, between our two events.
          await admin.setStreamMetadata(stream, { maxCount: 1000 });
          await store.append(stream, [event('M2')], ExpectedVersion.exact(1));
        } finally {
          await admin.dispose();
        }
        const page = await readUntil(store, start, 2);
        expect(page.events.map((e) => e.type)).toEqual(['M1', 'M2']);
      });

      it('refuses stream ids in the server-reserved $ namespace, which the feed would hide', async () => {
        await expect(store.append(`$s-${randomUUID()}`, [event()], ExpectedVersion.any)).rejects.toThrow(
          /reserved/,
        );
      });
    });
  });
}
