import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  Cursor,
  DuplicateEventIdError,
  EventStore,
  EventStoreCapabilities,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  START,
} from '../port';
import { readStreams } from '../read-streams';

/**
 * The behaviour every EventStore adapter must show, run by each adapter's integration spec. Only test
 * code imports this file (it is kept out of the build). Every test writes to streams of its own, so the
 * suite can run against a server other test runs share.
 */
export interface EventStoreContractSetup {
  /** called once before the tests; the store may be shared by all of them */
  create(): Promise<EventStore>;
  cleanup?(): Promise<void>;
  /** what the adapter promises beyond the common contract; tests of a missing capability are skipped */
  capabilities: EventStoreCapabilities;
  /**
   * A cursor past every event committed so far. The default pages readAll to its end, which is right
   * for a store whose feed shows every committed event at once.
   */
  head?(store: EventStore): Promise<Cursor>;
}

export function contractEvent(type = 'TestHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { citizenId: randomUUID(), ...data },
    metadata: { correlationId: 'test-correlation' },
    occurredAt: new Date('2026-03-02T10:00:00Z'),
  };
}

const event = contractEvent;

/** A feed may show committed events a little late (PostgreSQL waits out older transactions): poll. */
export async function readUntil(store: EventStore, cursor: Cursor, expected: number) {
  const deadline = Date.now() + 10_000;
  let page = await store.readAll(cursor, 1000);
  while (page.events.length < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    page = await store.readAll(cursor, 1000);
  }
  return page;
}

async function pageToEnd(store: EventStore): Promise<Cursor> {
  let cursor = START;
  for (;;) {
    const page = await store.readAll(cursor, 10_000);
    if (page.events.length === 0) return cursor;
    cursor = page.cursor;
  }
}

export function describeEventStoreContract(name: string, setup: EventStoreContractSetup): void {
  const { capabilities } = setup;

  describe(`${name}: EventStore contract`, () => {
    let store: EventStore;
    const head = () => (setup.head ?? pageToEnd)(store);

    beforeAll(async () => {
      store = await setup.create();
    });
    afterAll(async () => {
      await setup.cleanup?.();
    });

    describe('append and read a stream', () => {
      it('stores a batch atomically with versions counting from 1 and reads it back in order', async () => {
        const stream = `s-${randomUUID()}`;
        const batch = [event('A', { n: 1 }), event('B', { n: 2 }), event('C', { n: 3 })];
        const result = await store.append(stream, batch, ExpectedVersion.noStream);
        expect(result).toEqual({ nextExpectedVersion: 3, alreadyAppended: false });

        const read = await store.readStream(stream);
        expect(read.map((e) => [e.type, e.streamVersion, e.data.n])).toEqual([
          ['A', 1, 1],
          ['B', 2, 2],
          ['C', 3, 3],
        ]);
        expect(read[0].metadata.correlationId).toBe('test-correlation');
        expect(read[0].occurredAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
        expect(read[0].recordedAt).toBeInstanceOf(Date);
      });

      it('gives back id, data, metadata, occurredAt and schema version exactly as appended', async () => {
        const stream = `s-${randomUUID()}`;
        const appended: NewEvent = {
          id: randomUUID(),
          type: 'HousingOffered',
          schemaVersion: 3,
          data: { nested: { list: [1, 'two', null], flag: true }, text: 'Åbenrå æøå' },
          metadata: { correlationId: randomUUID(), causationId: randomUUID(), principal: 'p-1' },
          occurredAt: new Date('2026-01-15T08:30:12.345Z'),
        };
        const before = Date.now();
        await store.append(stream, [appended], ExpectedVersion.noStream);
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ ...appended, streamId: stream, streamVersion: 1 });
        expect(read.metadata).toEqual(appended.metadata);
        expect(typeof read.globalPosition).toBe('bigint');
        // recordedAt is the store's clock: allow for a server clock a little apart from ours.
        expect(Math.abs(read.recordedAt.getTime() - before)).toBeLessThan(60_000);
      });

      it('reads forward from a given version', async () => {
        const stream = `s-${randomUUID()}`;
        await store.append(
          stream,
          [event('A'), event('B'), event('C'), event('D')],
          ExpectedVersion.noStream,
        );
        const read = await store.readStream(stream, 3);
        expect(read.map((e) => e.type)).toEqual(['C', 'D']);
      });

      it('returns an empty list for a stream that does not exist', async () => {
        expect(await store.readStream(`s-${randomUUID()}`)).toEqual([]);
      });

      it('reads several streams at once in the order asked, each as readStream reads it', async () => {
        const [first, second, missing] = [`s-${randomUUID()}`, `s-${randomUUID()}`, `s-${randomUUID()}`];
        await store.append(first, [event('A'), event('B')], ExpectedVersion.noStream);
        await store.append(second, [event('C')], ExpectedVersion.noStream);
        await store.append(first, [event('D')], ExpectedVersion.fromVersion(2));
        const read = await readStreams(store, [second, missing, first]);
        expect(read.map((events) => events.map((e) => [e.streamId, e.type, e.streamVersion]))).toEqual([
          [[second, 'C', 1]],
          [],
          [
            [first, 'A', 1],
            [first, 'B', 2],
            [first, 'D', 3],
          ],
        ]);
        expect(read[2]).toEqual(await store.readStream(first));
        expect(await readStreams(store, [])).toEqual([]);
      });
    });

    describe('expected version', () => {
      it('no-stream fails when the stream exists', async () => {
        const stream = `s-${randomUUID()}`;
        await store.append(stream, [event()], ExpectedVersion.noStream);
        await expect(store.append(stream, [event()], ExpectedVersion.noStream)).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
      });

      it('exact version succeeds only at that version, and a failed batch appends nothing', async () => {
        const stream = `s-${randomUUID()}`;
        await store.append(stream, [event(), event()], ExpectedVersion.noStream);
        await expect(
          store.append(stream, [event(), event()], ExpectedVersion.exact(1)),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(stream, [event()], ExpectedVersion.exact(3))).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.append(stream, [event()], ExpectedVersion.exact(2))).toEqual({
          nextExpectedVersion: 3,
          alreadyAppended: false,
        });
      });

      it('exact version fails on a stream that does not exist', async () => {
        await expect(
          store.append(`s-${randomUUID()}`, [event()], ExpectedVersion.exact(1)),
        ).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it('any appends whatever the version is', async () => {
        const stream = `s-${randomUUID()}`;
        await store.append(stream, [event()], ExpectedVersion.any);
        const result = await store.append(stream, [event(), event()], ExpectedVersion.any);
        expect(result.nextExpectedVersion).toBe(3);
      });

      it('of 50 concurrent appends with the same expected version exactly one succeeds', async () => {
        const stream = `s-${randomUUID()}`;
        await store.append(stream, [event()], ExpectedVersion.noStream);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.append(stream, [event()], ExpectedVersion.exact(1))),
        );
        const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
        const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(succeeded).toHaveLength(1);
        expect(failed).toHaveLength(49);
        for (const failure of failed) expect(failure.reason).toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2]);
      });

      it('of 50 concurrent first appends to a new stream exactly one succeeds', async () => {
        const stream = `s-${randomUUID()}`;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.append(stream, [event()], ExpectedVersion.noStream)),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes)
          if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('of 20 concurrent appends with any, every one is stored once with its own version', async () => {
        const stream = `s-${randomUUID()}`;
        const batches = Array.from({ length: 20 }, (_, i) => [event('N', { i })]);
        const results = await Promise.all(batches.map((b) => store.append(stream, b, ExpectedVersion.any)));
        expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        const read = await store.readStream(stream);
        expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(new Set(read.map((e) => e.id)).size).toBe(20);
      });
    });

    describe('idempotency by event id', () => {
      it('stores a re-appended batch once and reports it as already appended', async () => {
        const stream = `s-${randomUUID()}`;
        const batch = [event('A'), event('B')];
        await store.append(stream, batch, ExpectedVersion.noStream);
        // The retry carries the expected version of the first try, which is now stale.
        const retry = await store.append(stream, batch, ExpectedVersion.noStream);
        expect(retry).toEqual({ nextExpectedVersion: 2, alreadyAppended: true });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('reports the stream version as it is now when a retry comes after later appends', async () => {
        const stream = `s-${randomUUID()}`;
        const batch = [event('A')];
        await store.append(stream, batch, ExpectedVersion.noStream);
        await store.append(stream, [event('B'), event('C')], ExpectedVersion.exact(1));
        expect(await store.append(stream, batch, ExpectedVersion.noStream)).toEqual({
          nextExpectedVersion: 3,
          alreadyAppended: true,
        });
        expect(await store.append(stream, batch, ExpectedVersion.any)).toEqual({
          nextExpectedVersion: 3,
          alreadyAppended: true,
        });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('stores concurrent retries of the same batch once', async () => {
        const stream = `s-${randomUUID()}`;
        const batch = [event('A'), event('B')];
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.append(stream, batch, ExpectedVersion.any)),
        );
        expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a batch where only some ids are already stored', async () => {
        const stream = `s-${randomUUID()}`;
        const first = event('A');
        await store.append(stream, [first], ExpectedVersion.noStream);
        await expect(store.append(stream, [first, event('B')], ExpectedVersion.any)).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        // Even at the right version: an id stored earlier in the stream is never stored twice.
        await expect(
          store.append(stream, [event('B'), first], ExpectedVersion.exact(1)),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      (capabilities.eventIdsUniqueAcrossStreams ? it : it.skip)(
        capabilities.eventIdsUniqueAcrossStreams
          ? 'refuses an id already stored in another stream'
          : 'refuses an id already stored in another stream (skipped: this adapter checks ids within a stream only)',
        async () => {
          const reused = event('A');
          await store.append(`s-${randomUUID()}`, [reused], ExpectedVersion.noStream);
          await expect(
            store.append(`s-${randomUUID()}`, [reused], ExpectedVersion.noStream),
          ).rejects.toBeInstanceOf(DuplicateEventIdError);
        },
      );
    });

    describe('reading all events', () => {
      it('delivers every event exactly once, in stream order, while 8 writers append', async () => {
        const cursorBefore = await head();
        const delivered: RecordedEvent[] = [];
        let cursor = cursorBefore;
        let writing = true;
        const reader = (async () => {
          while (writing) {
            const page = await store.readAll(cursor, 7);
            delivered.push(...page.events);
            cursor = page.cursor;
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        const streams = Array.from({ length: 8 }, () => `w-${randomUUID()}`);
        await Promise.all(
          streams.map(async (stream) => {
            for (let i = 0; i < 25; i++) {
              await store.append(stream, [event('W', { i }), event('W', { i })], ExpectedVersion.any);
            }
          }),
        );
        writing = false;
        await reader;
        const deadline = Date.now() + 10_000;
        while (delivered.filter((e) => streams.includes(e.streamId)).length < 400 && Date.now() < deadline) {
          const page = await store.readAll(cursor, 100);
          delivered.push(...page.events);
          cursor = page.cursor;
          if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const mine = delivered.filter((e) => streams.includes(e.streamId));
        expect(mine).toHaveLength(8 * 25 * 2);
        expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length);
        for (const stream of streams) {
          const versions = mine.filter((e) => e.streamId === stream).map((e) => e.streamVersion);
          expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        }
      });

      it('pages with a cursor and returns the same cursor when nothing is new', async () => {
        const start = await head();
        await store.append(
          `p-${randomUUID()}`,
          [event('P1'), event('P2'), event('P3')],
          ExpectedVersion.noStream,
        );
        await readUntil(store, start, 3);
        const first = await store.readAll(start, 2);
        expect(first.events.map((e) => e.type)).toEqual(['P1', 'P2']);
        const second = await store.readAll(first.cursor, 2);
        expect(second.events.map((e) => e.type)).toEqual(['P3']);
        const third = await store.readAll(second.cursor, 2);
        expect(third).toEqual({ events: [], cursor: second.cursor });
      });

      it('shows the same events in the feed as in their stream, with the store-wide position', async () => {
        const start = await head();
        const stream = `f-${randomUUID()}`;
        const batch = [event('F1'), event('F2')];
        await store.append(stream, batch, ExpectedVersion.noStream);
        const page = await readUntil(store, start, 2);
        const fromFeed = page.events.filter((e) => e.streamId === stream);
        expect(fromFeed).toEqual(await store.readStream(stream));
        expect(fromFeed[0].globalPosition < fromFeed[1].globalPosition).toBe(true);
      });

      it('starts from the very beginning with START', async () => {
        const stream = `b-${randomUUID()}`;
        await store.append(stream, [event('B1')], ExpectedVersion.noStream);
        let cursor = START;
        const seen: RecordedEvent[] = [];
        for (;;) {
          const page = await store.readAll(cursor, 500);
          if (page.events.length === 0) break;
          seen.push(...page.events);
          cursor = page.cursor;
        }
        expect(seen.filter((e) => e.streamId === stream).map((e) => e.type)).toEqual(['B1']);
        expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
      });
    });
  });
}
