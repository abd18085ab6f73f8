import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Pool, PoolClient } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { ExpectedVersion, pendingAfter, PostgresEventStore, RecordedEvent, START } from '@hf/event-store';
import { Projection } from './projection';
import { portOnly } from '../../../test/support/port-only-store';
import { projectionLag } from './projection-lag';
import { ProjectionRunner } from './projection-runner';
import { TimelineProjection } from './timeline/timeline.projection';

const silent = pino({ level: 'silent' });

/** Counts applied events per stream in a table of its own, and can be told to fail. */
class CountingProjection implements Projection {
  readonly name: string = 'counting';
  failOnType?: string;

  async apply(tx: PoolClient, events: readonly RecordedEvent[]) {
    for (const event of events) {
      await tx.query(
        `INSERT INTO counting (stream_id, applied) VALUES ($1, 1)
         ON CONFLICT (stream_id) DO UPDATE SET applied = counting.applied + 1`,
        [event.streamId],
      );
      if (event.type === this.failOnType) throw new Error('projection crashed mid-batch');
    }
  }

  async reset(tx: PoolClient) {
    await tx.query('TRUNCATE counting');
  }
}

function registered(citizenId: string) {
  return {
    id: randomUUID(),
    type: 'CitizenRegistered',
    schemaVersion: 1,
    data: {
      citizenId,
      occurredAt: '2026-03-02T10:00:00.000Z',
      handlekommune: '101',
      hasCpr: false,
      sealedPersonalData: 'v1.x.y.z',
    },
    metadata: { correlationId: 'test' },
    occurredAt: new Date('2026-03-02T10:00:00Z'),
  };
}

/** The PostgreSQL store plus the optional push hint of a store like EventStoreDB, fired by the test. */
class PushingStore extends PostgresEventStore {
  private readonly watchers = new Set<() => void>();
  get openWatches() {
    return this.watchers.size;
  }
  watchAll(onAppended: () => void) {
    this.watchers.add(onAppended);
    return { close: async () => void this.watchers.delete(onAppended) };
  }
  push() {
    this.watchers.forEach((onAppended) => onAppended());
  }
}

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await db.pool.query('CREATE TABLE counting (stream_id text PRIMARY KEY, applied int NOT NULL)');
  });
  afterEach(() => db.drop());

  const applied = async () =>
    Object.fromEntries(
      (await db.pool.query('SELECT stream_id, applied FROM counting')).rows.map((r) => [
        r.stream_id,
        r.applied,
      ]),
    );

  it('wakes an idle loop at once when the store pushes an append, and closes the watch when stopped', async () => {
    const pushing = new PushingStore(db.pool);
    const projection = new CountingProjection();
    // A poll interval far beyond the test's patience: only the push can make the loop look again.
    const runner = new ProjectionRunner(db.pool, pushing, [projection], silent, {
      batchSize: 10,
      idleDelayMs: 120_000,
    });
    runner.start();
    try {
      expect(pushing.openWatches).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the loop has found nothing and sleeps
      await pushing.append('pushed', [registered(randomUUID())], ExpectedVersion.noStream);
      pushing.push();
      const deadline = Date.now() + 5_000;
      while (!(await applied()).pushed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await applied()).toEqual({ pushed: 1 });
    } finally {
      await runner.stop();
    }
    expect(pushing.openWatches).toBe(0);
  });

  it('looks again at once when an append was pushed while it was busy reading, instead of sleeping', async () => {
    const pushing = new PushingStore(db.pool);
    let appendDuringFirstRead = true;
    // The first (empty) read is followed, before the batch ends, by an append and its push: the
    // loop is not asleep yet, so only remembering the signal keeps it from sleeping past that event.
    pushing.readAllWithin = async (client, cursor, limit) => {
      const page = await PostgresEventStore.prototype.readAllWithin.call(pushing, client, cursor, limit);
      if (appendDuringFirstRead) {
        appendDuringFirstRead = false;
        await pushing.append('mid-batch', [registered(randomUUID())], ExpectedVersion.noStream);
        pushing.push();
      }
      return page;
    };
    const projection = new CountingProjection();
    const runner = new ProjectionRunner(db.pool, pushing, [projection], silent, {
      batchSize: 10,
      idleDelayMs: 120_000,
    });
    runner.start();
    try {
      const deadline = Date.now() + 5_000;
      while (!(await applied())['mid-batch'] && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(appendDuringFirstRead).toBe(false);
      expect(await applied()).toEqual({ 'mid-batch': 1 });
    } finally {
      await runner.stop();
    }
  });

  it('applies each event once and stores the checkpoint with the rows', async () => {
    await store.append('a', [registered(randomUUID()), registered(randomUUID())], ExpectedVersion.noStream);
    const projection = new CountingProjection();
    const runner = new ProjectionRunner(db.pool, store, [projection], silent, {
      batchSize: 1,
      idleDelayMs: 10,
    });
    expect(await runner.catchUp(projection)).toBe(2);
    await store.append('b', [registered(randomUUID())], ExpectedVersion.noStream);
    expect(await runner.catchUp(projection)).toBe(1);
    expect(await runner.catchUp(projection)).toBe(0);
    expect(await applied()).toEqual({ a: 2, b: 1 });
  });

  it('catches several projections up in one pass, reading each page of the log once', async () => {
    for (const stream of ['a', 'b', 'c']) {
      await store.append(
        stream,
        [registered(randomUUID()), registered(randomUUID())],
        ExpectedVersion.noStream,
      );
    }
    await db.pool.query('CREATE TABLE seen_types (type text PRIMARY KEY, applied int NOT NULL)');
    const counting = new CountingProjection();
    const types: Projection = {
      name: 'types',
      async apply(tx, events) {
        for (const event of events) {
          await tx.query(
            `INSERT INTO seen_types (type, applied) VALUES ($1, 1)
             ON CONFLICT (type) DO UPDATE SET applied = seen_types.applied + 1`,
            [event.type],
          );
        }
      },
      async reset(tx) {
        await tx.query('TRUNCATE seen_types');
      },
    };
    const runner = new ProjectionRunner(db.pool, store, [counting, types], silent, {
      batchSize: 4,
      idleDelayMs: 10,
    });
    const reads = jest.spyOn(store, 'readAllWithin');
    expect(await runner.catchUpTogether([counting, types])).toBe(6);
    // pages of 4, 2 and an empty one: read once each, not once per projection
    expect(reads).toHaveBeenCalledTimes(3);
    expect(await applied()).toEqual({ a: 2, b: 2, c: 2 });
    expect((await db.pool.query('SELECT applied FROM seen_types')).rows).toEqual([{ applied: 6 }]);

    // apart (one projection was caught up alone): each is brought up on its own, nothing applied twice
    await store.append('d', [registered(randomUUID())], ExpectedVersion.noStream);
    await runner.catchUp(counting);
    await store.append('e', [registered(randomUUID())], ExpectedVersion.noStream);
    expect(await runner.catchUpTogether([counting, types])).toBe(2);
    expect(await applied()).toEqual({ a: 2, b: 2, c: 2, d: 1, e: 1 });
    expect((await db.pool.query('SELECT applied FROM seen_types')).rows).toEqual([{ applied: 8 }]);
  });

  it('rolls back a batch that crashes halfway, and applies it whole once the fault is gone', async () => {
    await store.append('ok', [registered(randomUUID())], ExpectedVersion.noStream);
    await store.append('bad', [{ ...registered(randomUUID()), type: 'Poison' }], ExpectedVersion.noStream);
    const projection = new CountingProjection();
    projection.failOnType = 'Poison';
    const runner = new ProjectionRunner(db.pool, store, [projection], silent, {
      batchSize: 10,
      idleDelayMs: 10,
    });

    await expect(runner.runBatch(projection)).rejects.toThrow('crashed mid-batch');
    expect(await applied()).toEqual({});
    const checkpoint = await db.pool.query(
      "SELECT cursor FROM projection_checkpoints WHERE name = 'counting'",
    );
    expect(checkpoint.rows[0]?.cursor ?? 'start').toBe('start'); // the row itself may be rolled back too

    projection.failOnType = undefined;
    await runner.catchUp(projection);
    expect(await applied()).toEqual({ ok: 1, bad: 1 });
  });

  it('lets only one runner work on a projection at a time', async () => {
    await store.append('x', [registered(randomUUID())], ExpectedVersion.noStream);
    const projection = new CountingProjection();
    const first = new ProjectionRunner(db.pool, store, [projection], silent);
    const second = new ProjectionRunner(db.pool, store, [projection], silent);
    await first.runBatch(projection); // creates the checkpoint row

    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT 1 FROM projection_checkpoints WHERE name = 'counting' FOR UPDATE");
      expect(await second.runBatch(projection)).toBeNull();
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    expect(await second.runBatch(projection)).toBe(0);
  });

  it('two runners racing over the same projection apply every event exactly once', async () => {
    const projection = new CountingProjection();
    const runners = [1, 2].map(
      () => new ProjectionRunner(db.pool, store, [projection], silent, { batchSize: 3, idleDelayMs: 5 }),
    );
    runners.forEach((r) => r.start());
    for (let i = 0; i < 40; i++)
      await store.append(`s${i % 4}`, [registered(randomUUID())], ExpectedVersion.any);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const counts = await applied();
      if (Object.values(counts).reduce((a: number, b) => a + Number(b), 0) >= 40) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(runners.map((r) => r.stop()));
    expect(await applied()).toEqual({ s0: 10, s1: 10, s2: 10, s3: 10 });
  });

  it('rebuilds the timeline from zero to exactly the live state', async () => {
    const timeline = new TimelineProjection();
    const runner = new ProjectionRunner(db.pool, store, [timeline], silent, {
      batchSize: 7,
      idleDelayMs: 10,
    });
    for (let i = 0; i < 30; i++) {
      const citizenId = randomUUID();
      await store.append(`citizen-${citizenId}`, [registered(citizenId)], ExpectedVersion.noStream);
      if (i === 15) await runner.catchUp(timeline);
    }
    await runner.catchUp(timeline);
    const snapshot = `SELECT md5(string_agg(t::text, '|' ORDER BY event_id)) AS hash, count(*) AS n FROM timeline_entries t`;
    const live = (await db.pool.query(snapshot)).rows[0];
    expect(Number(live.n)).toBe(30);

    await runner.reset(timeline);
    expect(Number((await db.pool.query(snapshot)).rows[0].n)).toBe(0);
    await runner.catchUp(timeline);
    expect((await db.pool.query(snapshot)).rows[0]).toEqual(live);
  });

  it.each([
    ['its own count (PostgreSQL adapter)', () => store],
    ['the generic readAll count (a store with only the port)', () => portOnly(store)],
  ])(
    'reports how far a projection trails the log, and nothing once it has caught up: %s',
    async (_, counter) => {
      const projection = new CountingProjection();
      const runner = new ProjectionRunner(db.pool, store, [projection], silent, {
        batchSize: 2,
        idleDelayMs: 10,
      });
      await store.append(
        'lag',
        [registered(randomUUID()), registered(randomUUID()), registered(randomUUID())],
        ExpectedVersion.noStream,
      );
      const later = new Date(Date.now() + 60_000);
      const [before] = await projectionLag(db.pool, counter(), ['counting'], later);
      expect(before.behindEvents).toBe(3);
      expect(before.lagSeconds).toBeGreaterThanOrEqual(59);
      // the count stops at the cap asked for
      expect((await pendingAfter(counter(), START, 2)).count).toBe(2);
      await runner.runBatch(projection);
      expect((await projectionLag(db.pool, counter(), ['counting'], later))[0].behindEvents).toBe(1);
      await runner.catchUp(projection);
      expect(await projectionLag(db.pool, counter(), ['counting'], later)).toEqual([
        { projection: 'counting', behindEvents: 0, lagSeconds: 0 },
      ]);
    },
  );

  it('loses and doubles nothing when the worker dies mid-batch (its connection is killed)', async () => {
    for (let i = 0; i < 6; i++)
      await store.append(`k${i % 2}`, [registered(randomUUID())], ExpectedVersion.any);
    // The dying worker writes part of its batch, then stalls inside the transaction until it is killed.
    const dying = new (class extends CountingProjection {
      override async apply(tx: PoolClient, events: readonly RecordedEvent[]) {
        await super.apply(tx, events);
        await tx.query('SELECT pg_sleep(30) /* dying-worker */');
      }
    })();
    const doomed = new ProjectionRunner(db.pool, store, [dying], silent, { batchSize: 4, idleDelayMs: 10 });
    const batch = doomed.runBatch(dying);
    const dbName = new URL(db.url).pathname.slice(1);
    const deadline = Date.now() + 10_000;
    let killed = false;
    while (!killed && Date.now() < deadline) {
      const { rows } = await db.pool.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = $1 AND query LIKE '%dying-worker%' AND pid <> pg_backend_pid()`,
        [dbName],
      );
      killed = rows.some((r) => r.ok);
      if (!killed) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(killed).toBe(true);
    await expect(batch).rejects.toThrow();
    expect(await applied()).toEqual({});

    const survivor = new CountingProjection();
    const runner = new ProjectionRunner(db.pool, store, [survivor], silent, {
      batchSize: 4,
      idleDelayMs: 10,
    });
    expect(await runner.catchUp(survivor)).toBe(6);
    expect(await applied()).toEqual({ k0: 3, k1: 3 });
  });

  it('runs more projections than the pool has connections without starving it', async () => {
    const small = new Pool({ connectionString: db.url, max: 2 });
    small.on('error', () => undefined);
    try {
      const projections = ['p1', 'p2', 'p3', 'p4'].map(
        (name) =>
          new (class extends CountingProjection {
            override readonly name = name;
          })(),
      );
      const runner = new ProjectionRunner(small, new PostgresEventStore(small), projections, silent, {
        batchSize: 2,
        idleDelayMs: 5,
      });
      runner.start();
      for (let i = 0; i < 10; i++)
        await store.append('starve', [registered(randomUUID())], ExpectedVersion.any);
      const deadline = Date.now() + 10_000;
      let caughtUp = false;
      while (!caughtUp && Date.now() < deadline) {
        const lags = await projectionLag(db.pool, store, ['p1', 'p2', 'p3', 'p4'], new Date());
        caughtUp =
          lags.every((lag) => lag.behindEvents === 0) &&
          (await db.pool.query("SELECT count(*) FROM projection_checkpoints WHERE name LIKE 'p_'")).rows[0]
            .count === '4';
        if (!caughtUp) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await runner.stop();
      expect(caughtUp).toBe(true);
      expect(await applied()).toEqual({ starve: 40 });
    } finally {
      await small.end();
    }
  });
});
