import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  START,
} from '../port';
import { PostgresEventStore } from './postgres-event-store';

function event(type = 'TestHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { citizenId: randomUUID(), ...data },
    metadata: { correlationId: 'test-correlation' },
    occurredAt: new Date('2026-03-02T10:00:00Z'),
  };
}

/**
 * The feed waits for every transaction older than the oldest one still running, on the whole server:
 * other test files' transactions can delay (never hide) events, so reads that expect events poll.
 */
async function readUntil(store: PostgresEventStore, cursor: string, expected: number) {
  const deadline = Date.now() + 10_000;
  let page = await store.readAll(cursor, 1000);
  while (page.events.length < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    page = await store.readAll(cursor, 1000);
  }
  return page;
}

/** A cursor past every event committed so far in this database (waiting out other files' transactions). */
async function head(store: PostgresEventStore, db: TestDatabase): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events');
    const page = await store.readAll(START, 1_000_000);
    if (page.events.length === rows[0].n || Date.now() > deadline) return page.cursor;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 60 });
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

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

    it('reads forward from a given version', async () => {
      const stream = `s-${randomUUID()}`;
      await store.append(stream, [event('A'), event('B'), event('C'), event('D')], ExpectedVersion.noStream);
      const read = await store.readStream(stream, 3);
      expect(read.map((e) => e.type)).toEqual(['C', 'D']);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(`s-${randomUUID()}`)).toEqual([]);
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
      await expect(store.append(stream, [event(), event()], ExpectedVersion.exact(1))).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
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
      expect(await store.readStream(stream)).toHaveLength(1);
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
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('refuses an id already stored in another stream', async () => {
      const reused = event('A');
      await store.append(`s-${randomUUID()}`, [reused], ExpectedVersion.noStream);
      await expect(
        store.append(`s-${randomUUID()}`, [reused], ExpectedVersion.noStream),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
    });
  });

  describe('reading all events', () => {
    it('delivers every event exactly once, in stream order, while 8 writers append', async () => {
      const cursorBefore = await head(store, db);
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

    it('does not skip a slow transaction that commits after a later one', async () => {
      const start = await head(store, db);
      const slow = await db.pool.connect();
      try {
        // The slow writer takes its transaction id and global position first...
        await slow.query('BEGIN');
        await new PostgresEventStore(db.pool).appendWithin(
          slow,
          `slow-${randomUUID()}`,
          [event('Slow')],
          ExpectedVersion.noStream,
        );
        // ...a fast writer appends after it and commits first.
        await store.append(`fast-${randomUUID()}`, [event('Fast')], ExpectedVersion.noStream);

        // While the slow one is open, the reader must not move past it.
        const whileOpen = await store.readAll(start, 100);
        expect(whileOpen.events.map((e) => e.type)).toEqual([]);

        await slow.query('COMMIT');
      } finally {
        await slow.query('ROLLBACK').catch(() => undefined); // no-op after COMMIT; ends it on failure
        slow.release();
      }
      const afterCommit = await readUntil(store, start, 2);
      expect(afterCommit.events.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    });

    it('delivers a transaction that started first but inserted last, before the later ones it waited for', async () => {
      const start = await head(store, db);
      const slow = await db.pool.connect();
      try {
        await slow.query('BEGIN');
        await slow.query('SELECT pg_current_xact_id()'); // takes its transaction id now
        await store.append(`fast-${randomUUID()}`, [event('Fast')], ExpectedVersion.noStream);
        // The slow one takes a higher global position than Fast but has the lower transaction id.
        await new PostgresEventStore(db.pool).appendWithin(
          slow,
          `slow-${randomUUID()}`,
          [event('Slow')],
          ExpectedVersion.noStream,
        );
        const fastOnly = await store.readAll(start, 100);
        expect(fastOnly.events).toEqual([]);
        await slow.query('COMMIT');
      } finally {
        await slow.query('ROLLBACK').catch(() => undefined);
        slow.release();
      }
      const page = await readUntil(store, start, 2);
      expect(page.events.map((e) => e.type)).toEqual(['Slow', 'Fast']);
      expect(page.events[0].globalPosition > page.events[1].globalPosition).toBe(true);
      const next = await store.readAll(page.cursor, 100);
      expect(next.events).toEqual([]);
    });

    it('orders by transaction id as a number across a digit boundary (9 before 10, 99 before 100)', async () => {
      const own = await createTestDatabase();
      try {
        // Explicit, tiny transaction ids (all long finished) in an otherwise empty log.
        await own.pool.query(
          `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, transaction_id)
           SELECT 'digits', v, gen_random_uuid(), 'T' || x, 1, '{}', '{}', now(), x::text::xid8
             FROM unnest(ARRAY[8, 9, 10, 11, 98, 99, 100, 101]) WITH ORDINALITY AS u(x, v)`,
        );
        const ownStore = new PostgresEventStore(own.pool);
        const seen: string[] = [];
        let cursor = START;
        for (;;) {
          const page = await ownStore.readAll(cursor, 2);
          if (page.events.length === 0) break;
          seen.push(...page.events.map((e) => e.type));
          cursor = page.cursor;
        }
        expect(seen).toEqual(['T8', 'T9', 'T10', 'T11', 'T98', 'T99', 'T100', 'T101']);
      } finally {
        await own.drop();
      }
    });

    it('pages with a cursor and returns the same cursor when nothing is new', async () => {
      const start = await head(store, db);
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
  });
});
