import { randomUUID } from 'node:crypto';
import {
  contractEvent as event,
  describeEventStoreContract,
  readUntil,
} from '../contract/event-store-contract';
import { ExpectedVersion, START } from '../port';
import { decodeEsdbCursor, encodeEsdbCursor, EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEsdbClient } from './testing/in-memory-esdb-client';

/**
 * The adapter's own logic (revision mapping, the id check around ESDB's best-effort idempotence, the
 * feed's cursor and system-event filter, the watch) against an in-memory stand-in for the server. The
 * same contract runs against a real EventStoreDB in eventstoredb-event-store.int-spec.ts where one exists.
 */
describe('EventStoreDbEventStore against an in-memory stand-in for EventStoreDB', () => {
  const server = new InMemoryEsdbClient();
  const store = new EventStoreDbEventStore(server.asClient(), {
    watchInitialDelayMs: 5,
    watchMaxDelayMs: 20,
  });

  describeEventStoreContract('EventStoreDbEventStore (stand-in server)', {
    create: async () => store,
    capabilities: EventStoreDbEventStore.capabilities,
  });

  it('writes revision = version - 1 and keeps its fields in ESDB metadata, with ESDB correlation names', async () => {
    const stream = `r-${randomUUID()}`;
    const appended = event('Revised');
    await store.append(stream, [event('First'), appended], ExpectedVersion.noStream);
    const stored = server.log.find((e) => e.id === appended.id);
    expect(stored?.revision).toBe(1n);
    expect(stored?.metadata).toEqual({
      $correlationId: 'test-correlation',
      occurredAt: '2026-03-02T10:00:00.000Z',
      schemaVersion: 1,
      metadata: { correlationId: 'test-correlation' },
    });
  });

  it("leaves the server's own events out of the feed and moves its cursor past them", async () => {
    let start = START;
    for (
      let page = await store.readAll(start, 10_000);
      page.events.length > 0;
      page = await store.readAll(start, 10_000)
    ) {
      start = page.cursor;
    }
    const stream = `m-${randomUUID()}`;
    for (let i = 0; i < 10; i++) await store.append(stream, [event(`M${i}`)], ExpectedVersion.any);
    const systemEventsAmongThem = server.log.filter(
      (e) => e.streamId.startsWith('$') && e.position.commit > decodeEsdbCursor(start)!.commit,
    );
    expect(systemEventsAmongThem.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let cursor = start;
    for (
      let page = await store.readAll(cursor, 3);
      page.events.length > 0;
      page = await store.readAll(cursor, 3)
    ) {
      seen.push(...page.events.map((e) => e.type));
      cursor = page.cursor;
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `M${i}`));
  });

  it('keeps its cursor opaque: commit and prepare position, and refuses a cursor of another adapter', () => {
    expect(decodeEsdbCursor(encodeEsdbCursor({ commit: 123n, prepare: 120n }))).toEqual({
      commit: 123n,
      prepare: 120n,
    });
    expect(decodeEsdbCursor(START)).toBeUndefined();
    expect(() => decodeEsdbCursor('42:1007')).toThrow(/not an EventStoreDB/);
  });

  it('gives a cursor at the end of the log without paging through it', async () => {
    await store.append(`e-${randomUUID()}`, [event('Before')], ExpectedVersion.noStream);
    const end = await store.endCursor();
    expect(await store.readAll(end, 10)).toEqual({ events: [], cursor: end });
    await store.append(`e-${randomUUID()}`, [event('After')], ExpectedVersion.noStream);
    expect((await store.readAll(end, 10)).events.map((e) => e.type)).toEqual(['After']);
  });

  it('refuses stream ids in the server-reserved $ namespace, which the feed would hide', async () => {
    await expect(store.append(`$s-${randomUUID()}`, [event()], ExpectedVersion.any)).rejects.toThrow(
      /reserved/,
    );
  });

  it('wakes a watcher on appends, and again after the subscription dropped and came back', async () => {
    let wakes = 0;
    server.failNextSubscriptions = 0;
    const watch = store.watchAll(() => (wakes += 1));
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 2_000;
      while (wakes < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const settle = async () => {
      for (let last = -1; last !== wakes;) {
        last = wakes;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await store.append(`watch-${randomUUID()}`, [event('W1')], ExpectedVersion.noStream);
      await waitFor(1);
      expect(wakes).toBe(1);

      // The connection drops, and the next two attempts to subscribe fail too.
      server.failNextSubscriptions = 2;
      server.dropSubscriptions();
      // Appended while no subscription is open: the resubscription from the last seen position replays it.
      await store.append(`watch-${randomUUID()}`, [event('W2')], ExpectedVersion.noStream);
      // Backoff 5, 10, 20 ms: let the retries and the replay play out until no more wakes come.
      await settle();
      const afterReconnect = wakes;
      // W1, one wake per attempt to resubscribe (two failed, one held), and W2 replayed from W1's position.
      expect(afterReconnect).toBe(1 + 3 + 1);

      await store.append(`watch-${randomUUID()}`, [event('W3')], ExpectedVersion.noStream);
      await waitFor(afterReconnect + 1);
      expect(wakes).toBe(afterReconnect + 1);
    } finally {
      await watch.close();
    }
    const closedAt = wakes;
    await store.append(`watch-${randomUUID()}`, [event('W4')], ExpectedVersion.noStream);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(wakes).toBe(closedAt);
  });

  it('reads a late page with readUntil like any other store', async () => {
    const start = encodeEsdbCursor(server.log[server.log.length - 1].position);
    await store.append(`u-${randomUUID()}`, [event('U1')], ExpectedVersion.noStream);
    expect((await readUntil(store, start, 1)).events.map((e) => e.type)).toEqual(['U1']);
  });
});
