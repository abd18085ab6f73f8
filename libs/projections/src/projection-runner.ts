import { Cursor, EventStore, EventWatch, PostgresEventStore, ReadAllPage, START } from '@hf/event-store';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { inTransaction } from '@hf/platform';
import { Projection } from './projection';

/**
 * Page size for a rebuild from the start of the log. Larger than a live worker's (500): a rebuild is throughput
 * work with nobody waiting on a batch, and each page costs a transaction, a checkpoint update and one query per
 * projection; at 2,000 the whole set rebuilt 25-45 % faster (BENCHMARKS.md).
 */
export const REBUILD_PAGE_SIZE = 2000;

export interface RunnerOptions {
  batchSize: number;
  idleDelayMs: number;
}

/**
 * Feeds projections from the event store. Each batch is one transaction that locks the projection's
 * checkpoint row (FOR UPDATE SKIP LOCKED: transaction-scoped, so it also works behind PgBouncer),
 * applies the events and moves the checkpoint. Several workers can run: a row held by one is skipped
 * by the others, and a worker that dies mid-batch rolls back, leaving the batch for the next.
 */
export class ProjectionRunner {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  /** idle loops only: woken when the store says something was appended */
  private readonly idlers = new Set<() => void>();
  private watch?: EventWatch;
  /** counts appends the store told us about, so a loop that was busy when one came does not sleep on it */
  private appendSignals = 0;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly logger: Logger,
    private readonly options: RunnerOptions = { batchSize: 500, idleDelayMs: 200 },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    // A store that can push (EventStoreDB) wakes idle loops at once; the poll interval stays as the fallback.
    this.watch = this.store.watchAll?.(() => {
      this.appendSignals += 1;
      this.idlers.forEach((wake) => wake());
    });
    this.loops = this.projections.map((projection) => this.loop(projection));
  }

  /** Finishes the batch in flight, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    const watch = this.watch;
    this.watch = undefined;
    this.sleepers.forEach((wake) => wake());
    await Promise.all([...this.loops, watch?.close()]);
    this.loops = [];
  }

  /**
   * Processes one batch. Returns the number of events applied, or null when another runner holds
   * this projection.
   */
  async runBatch(projection: Projection): Promise<number | null> {
    return inTransaction(this.pool, async (client) => {
      const cursor = await this.lockCheckpoint(client, projection.name);
      if (cursor === null) return null;
      const page = await this.readFeed(client, cursor);
      if (page.events.length > 0) {
        await projection.apply(client, page.events);
        const moved = await client.query(
          'UPDATE projection_checkpoints SET cursor = $3, updated_at = now() WHERE name = $1 AND cursor = $2',
          [projection.name, cursor, page.cursor],
        );
        if (moved.rowCount !== 1) throw new Error(`checkpoint of ${projection.name} moved under a held lock`);
      }
      return page.events.length;
    });
  }

  /**
   * Reads the next page on the batch's own connection when the store can (PostgreSQL): holding one
   * connection while waiting for a second would let N runner loops on an N-connection pool deadlock.
   */
  private readFeed(client: PoolClient, cursor: Cursor): Promise<ReadAllPage> {
    const store = this.store as EventStore & Partial<Pick<PostgresEventStore, 'readAllWithin'>>;
    return store.readAllWithin
      ? store.readAllWithin(client, cursor, this.options.batchSize)
      : store.readAll(cursor, this.options.batchSize);
  }

  /** Empties a projection and sets its checkpoint back to the start, in one transaction. */
  async reset(projection: Projection): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await this.ensureCheckpoint(client, projection.name);
      await client.query('SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [
        projection.name,
      ]);
      await projection.reset(client);
      await client.query(
        'UPDATE projection_checkpoints SET cursor = $2, updated_at = now() WHERE name = $1',
        [projection.name, START],
      );
    });
  }

  /** Runs batches until the projection has caught up with everything visible now. */
  async catchUp(projection: Projection, onProgress?: (applied: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.runBatch(projection);
      if (applied === null) {
        // A live worker holds the projection for one batch; both advance the same checkpoint.
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (applied === 0) return total;
      total += applied;
      onProgress?.(total);
    }
  }

  /**
   * Catches several projections up in one pass over the log: each page is read once and applied to all of them in
   * one transaction that moves all their checkpoints. A rebuild of the whole set otherwise reads (and parses) the
   * log once per projection, which costs about as much as most projections' own work. Returns the number of log
   * events processed. Projections whose checkpoints are not at one position (or that another runner holds) are
   * caught up one at a time instead.
   */
  async catchUpTogether(
    projections: readonly Projection[],
    onProgress?: (processed: number) => void,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const processed = await inTransaction(this.pool, async (client) => {
        const cursors: (Cursor | null)[] = [];
        // SKIP LOCKED in a fixed order: two runners can never wait on each other's checkpoints
        for (const projection of projections)
          cursors.push(await this.lockCheckpoint(client, projection.name));
        if (cursors.some((c) => c === null) || new Set(cursors).size !== 1) return null;
        const cursor = cursors[0]!;
        const page = await this.readFeed(client, cursor);
        for (const projection of projections) {
          if (page.events.length === 0) break;
          await projection.apply(client, page.events);
          const moved = await client.query(
            'UPDATE projection_checkpoints SET cursor = $3, updated_at = now() WHERE name = $1 AND cursor = $2',
            [projection.name, cursor, page.cursor],
          );
          if (moved.rowCount !== 1)
            throw new Error(`checkpoint of ${projection.name} moved under a held lock`);
        }
        return page.events.length;
      });
      if (processed === null) {
        let rest = 0;
        for (const projection of projections) rest = Math.max(rest, await this.catchUp(projection));
        return total + rest;
      }
      if (processed === 0) return total;
      total += processed;
      onProgress?.(total);
    }
  }

  private async loop(projection: Projection): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const signalsBefore = this.appendSignals;
        const applied = await this.runBatch(projection);
        failures = 0;
        if (applied || this.appendSignals !== signalsBefore) continue;
        await this.sleep(this.options.idleDelayMs, true);
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error, projection: projection.name, failures }, 'projection batch failed');
        await this.sleep(Math.min(30_000, this.options.idleDelayMs * 2 ** failures));
      }
    }
  }

  private async lockCheckpoint(client: PoolClient, name: string): Promise<Cursor | null> {
    const locked = await client.query<{ cursor: string }>(
      'SELECT cursor FROM projection_checkpoints WHERE name = $1 FOR UPDATE SKIP LOCKED',
      [name],
    );
    if (locked.rows.length > 0) {
      // The lock is ours now, but the row version it returned may predate a commit that happened
      // while this statement ran; a fresh read under the lock sees the latest cursor.
      const current = await client.query<{ cursor: string }>(
        'SELECT cursor FROM projection_checkpoints WHERE name = $1',
        [name],
      );
      return current.rows[0].cursor;
    }
    const exists = await client.query('SELECT 1 FROM projection_checkpoints WHERE name = $1', [name]);
    if (exists.rowCount !== 0) return null; // held by another runner
    await this.ensureCheckpoint(client, name);
    return this.lockCheckpoint(client, name);
  }

  private async ensureCheckpoint(client: PoolClient, name: string): Promise<void> {
    await client.query(
      'INSERT INTO projection_checkpoints (name, cursor) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [name, START],
    );
  }

  /** Error backoff sleeps are not idle: an append must not cut them short. */
  private sleep(ms: number, idle = false): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        this.idlers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
      if (idle) this.idlers.add(wake);
    });
  }
}
