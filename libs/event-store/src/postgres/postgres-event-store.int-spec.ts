import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import {
  contractEvent as event,
  describeEventStoreContract,
  readUntil,
} from '../contract/event-store-contract';
import { EventStore, ExpectedVersion, START } from '../port';
import { PostgresEventStore } from './postgres-event-store';

/**
 * A cursor past every event committed so far in this database. The feed waits for every transaction
 * older than the oldest one still running, on the whole server: other test files' transactions can
 * delay (never hide) events, so this waits until the feed shows as many events as the table holds.
 */
async function head(store: EventStore, db: TestDatabase): Promise<string> {
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

  describeEventStoreContract('PostgresEventStore', {
    create: async () => store,
    capabilities: PostgresEventStore.capabilities,
    head: (contractStore) => head(contractStore, db),
  });

  // Pinned, so that dropping the promise cannot silently turn its contract test into a skip.
  it('states the capabilities the contract run assumed', () => {
    expect(store.capabilities).toEqual({ eventIdsUniqueAcrossStreams: true });
  });

  // A stream read must not start parallel workers however the planner misjudges the log (migration 0017). The
  // costs below make a parallel plan look free, as a 25,000-row guess on a table without statistics does.
  it('never plans a parallel scan of the log for a stream or feed read', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, [event('A'), event('B')], ExpectedVersion.noStream);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      for (const setting of [
        'parallel_setup_cost = 0',
        'parallel_tuple_cost = 0',
        'min_parallel_table_scan_size = 0',
        'min_parallel_index_scan_size = 0',
        'enable_indexscan = off',
        'enable_bitmapscan = off',
        'max_parallel_workers_per_gather = 2',
      ])
        await client.query(`SET LOCAL ${setting}`);
      const plans: string[] = [];
      for (const [query, params] of [
        [
          'SELECT * FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version',
          [stream, 1],
        ],
        [
          'SELECT * FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version',
          [[stream]],
        ],
        ['SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 200', [0]],
      ] as const) {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`, [...params]);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      // the same settings do plan a parallel scan of a table that allows one, so the check above can fail
      // (a temporary table would not do: its rows are the backend's own, never scanned in parallel)
      await client.query('CREATE TABLE parallel_probe (LIKE events INCLUDING INDEXES)');
      const probe = await client.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT * FROM parallel_probe WHERE stream_id = 'x'",
      );
      expect(probe.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Gather|Parallel/);
      for (const plan of plans) expect(plan).not.toMatch(/Gather|Parallel/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  // These hold a PostgreSQL transaction open to make a writer commit late, which only this adapter has.
  describe('reading all events while a transaction commits late', () => {
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
  });
});
