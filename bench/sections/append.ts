import { randomUUID } from 'node:crypto';
import { ExpectedVersion, NewEvent, PostgresEventStore } from '@hf/event-store';
import { migrate } from '@hf/platform';
import { Pool } from 'pg';
import { formatMs, formatRate, latencySummary, ratio } from '../lib/stats';
import type { BenchRow } from '../lib/types';

/**
 * Store-level append: the project's event store port next to (a) the physical limit of the same PostgreSQL, a raw
 * `pg` client writing a table of the same shape, and (b) Emmett's PostgreSQL event store, in the same run on the
 * same server. Each writer owns its streams and keeps their versions in memory, so every append carries an exact
 * expected version and none conflicts: the figures measure the append path, not retries.
 */

export interface AppendOptions {
  /** a database of its own (migrated here), so these streams and tables do not skew the generated history */
  databaseUrl: string;
  quick: boolean;
  log(message: string): void;
}

interface Contender {
  name: string;
  /** appends `count` events to the writer's stream, whose current version is `version` (0: new) */
  append(stream: string, version: number, count: number): Promise<void>;
  close(): Promise<void>;
}

interface CellResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

const SHAPES = [
  { name: 'single event, exact version', events: 1 },
  { name: '100-event batch, exact version', events: 100 },
] as const;
const WRITERS = [1, 8] as const;
/** streams per writer: appends rotate over them, so streams grow as a citizen's would, not to millions of rows */
const STREAMS_PER_WRITER = 50;

export async function runAppendSection(options: AppendOptions): Promise<BenchRow[]> {
  const { quick, log } = options;
  const durationMs = quick ? 500 : 10_000;
  const warmupMs = quick ? 100 : 2_000;
  const pool = new Pool({ connectionString: options.databaseUrl, max: 8, application_name: 'hf-bench-ours' });
  await migrate(pool);
  const rawPool = new Pool({
    connectionString: options.databaseUrl,
    max: 8,
    application_name: 'hf-bench-raw',
  });
  await createRawTable(rawPool);
  const contenders: Contender[] = [ours(pool), raw(rawPool)];
  const emmett = await loadEmmett(options.databaseUrl).catch((error: unknown) => {
    log(`Emmett could not be loaded: ${String(error)}`);
    return null;
  });
  if (emmett) contenders.push(emmett);

  const rows: BenchRow[] = [];
  try {
    for (const shape of SHAPES) {
      for (const writers of WRITERS) {
        const results = new Map<string, CellResult>();
        // the same order every run: raw, ours, Emmett
        for (const contender of [contenders[1], contenders[0], ...contenders.slice(2)]) {
          const result = await measure(contender, writers, shape.events, warmupMs, durationMs);
          results.set(contender.name, result);
          log(
            `append ${shape.name}, ${writers} writer(s), ${contender.name}: ${formatRate(result.eventsPerSecond, 'events/s')} p50 ${formatMs(result.p50)} ms p99 ${formatMs(result.p99)} ms`,
          );
        }
        rows.push(...rowsFor(shape, writers, results));
      }
    }
  } finally {
    for (const contender of contenders) await contender.close().catch(() => undefined);
  }
  return rows;
}

function rowsFor(
  shape: (typeof SHAPES)[number],
  writers: number,
  results: Map<string, CellResult>,
): BenchRow[] {
  const us = results.get('ours')!;
  const baseline = results.get('raw pg')!;
  const emmett = results.get('Emmett');
  const metric = `${shape.name}, ${writers} writer${writers > 1 ? 's' : ''}`;
  const value = `${formatRate(us.eventsPerSecond, 'events/s')}; p50 ${formatMs(us.p50)} ms / p99 ${formatMs(us.p99)} ms`;
  const single = shape.events === 1;
  const rawTarget = single ? 1.0 : 0.7;
  const targeted = !single || writers === 8;
  const rows: BenchRow[] = [
    {
      section: 'append (store port)',
      metric: `${metric} vs raw pg`,
      value,
      baseline: `raw pg ${formatRate(baseline.eventsPerSecond, 'events/s')}; p50 ${formatMs(baseline.p50)} / p99 ${formatMs(baseline.p99)} ms`,
      ratio: ratio(us.eventsPerSecond, baseline.eventsPerSecond),
      target: targeted ? `>= ${rawTarget.toFixed(1)} x raw` : undefined,
      verdict: targeted
        ? us.eventsPerSecond / baseline.eventsPerSecond >= rawTarget
          ? 'met'
          : 'missed'
        : 'n/a',
      note: single
        ? 'raw: BEGIN; SELECT max(version); INSERT; COMMIT'
        : 'raw: one 100-row INSERT (no version check)',
    },
  ];
  if (emmett) {
    const ahead = single && writers === 8;
    rows.push({
      section: 'append (store port)',
      metric: `${metric} vs Emmett`,
      value,
      baseline: `Emmett ${formatRate(emmett.eventsPerSecond, 'events/s')}; p50 ${formatMs(emmett.p50)} / p99 ${formatMs(emmett.p99)} ms`,
      ratio: ratio(us.eventsPerSecond, emmett.eventsPerSecond),
      target: ahead ? '> 1.0 x Emmett' : undefined,
      verdict: ahead ? (us.eventsPerSecond > emmett.eventsPerSecond ? 'met' : 'missed') : 'n/a',
      note: '@event-driven-io/emmett-postgresql appendToStream, expectedStreamVersion',
    });
  }
  return rows;
}

/** Warms up, then lets `writers` concurrent loops append for a fixed time; every append's latency is kept. */
async function measure(
  contender: Contender,
  writers: number,
  eventsPerAppend: number,
  warmupMs: number,
  durationMs: number,
): Promise<CellResult> {
  const run = `${contender.name.replace(/\W+/g, '')}-${eventsPerAppend}-${writers}-${randomUUID().slice(0, 8)}`;
  const versions = new Map<string, number>();
  const latencies: number[] = [];
  let events = 0;
  let measuring = false;
  let stopAt = Date.now() + warmupMs;
  const loop = async (writer: number) => {
    for (let i = 0; Date.now() < stopAt; i++) {
      const stream = `bench-${run}-w${writer}-s${i % STREAMS_PER_WRITER}`;
      const version = versions.get(stream) ?? 0;
      const started = process.hrtime.bigint();
      await contender.append(stream, version, eventsPerAppend);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      versions.set(stream, version + eventsPerAppend);
      if (measuring) {
        latencies.push(ms);
        events += eventsPerAppend;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => loop(w)));
  measuring = true;
  const started = process.hrtime.bigint();
  stopAt = Date.now() + durationMs;
  await Promise.all(Array.from({ length: writers }, (_, w) => loop(w)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { eventsPerSecond: events / seconds, ...latencySummary(latencies) };
}

/** A contact attempt as the support process records it: the size and shape of most of the national history. */
function eventData(): Record<string, unknown> {
  return {
    citizenId: randomUUID(),
    occurredAt: new Date().toISOString(),
    supportId: randomUUID(),
    method: 'cti',
    legalBasis: 'serviceloven §85a',
    channel: 'home-visit',
    outcome: 'reached',
  };
}

function eventMetadata(): NewEvent['metadata'] {
  const id = randomUUID();
  return {
    correlationId: id,
    causationId: id,
    principal: 'bench',
    unit: 'cti-team-101',
    source: { system: 'bench' },
  };
}

function ours(pool: Pool): Contender {
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours',
    async append(stream, version, count) {
      const events: NewEvent[] = Array.from({ length: count }, () => ({
        id: randomUUID(),
        type: 'ContactAttempted',
        schemaVersion: 1,
        data: eventData(),
        metadata: eventMetadata(),
        occurredAt: new Date(),
      }));
      await store.append(stream, events, ExpectedVersion.fromVersion(version));
    },
    close: () => pool.end(),
  };
}

/** The events table's shape (same columns, keys and feed index), without the streams table or the function. */
async function createRawTable(pool: Pool) {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS raw_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stream_id text NOT NULL, stream_version bigint NOT NULL, event_id uuid NOT NULL UNIQUE,
      type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
      occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      UNIQUE (stream_id, stream_version));
    CREATE INDEX IF NOT EXISTS raw_events_feed_idx ON raw_events (transaction_id, global_position);`);
}

function raw(pool: Pool): Contender {
  return {
    name: 'raw pg',
    async append(stream, version, count) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = 0; i < count; i++) {
        const b = values.length;
        tuples.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, 1, $${b + 5}, $${b + 6}, $${b + 7})`);
        values.push(
          stream,
          version + i + 1,
          randomUUID(),
          'ContactAttempted',
          JSON.stringify(eventData()),
          JSON.stringify(eventMetadata()),
          new Date().toISOString(),
        );
      }
      const insert = `INSERT INTO raw_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at) VALUES ${tuples.join(', ')}`;
      if (count > 1) {
        await pool.query(insert, values);
        return;
      }
      // the textbook optimistic append: read the stream's version, insert the next, in one transaction
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ v: string | null }>(
          'SELECT max(stream_version) AS v FROM raw_events WHERE stream_id = $1',
          [stream],
        );
        if (Number(rows[0].v ?? 0) !== version) throw new Error('raw baseline: unexpected version');
        await client.query(insert, values);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

interface EmmettStore {
  appendToStream(
    stream: string,
    events: { type: string; data: Record<string, unknown>; metadata?: Record<string, unknown> }[],
    options: { expectedStreamVersion: bigint | string },
  ): Promise<unknown>;
  close(): Promise<void>;
}
interface EmmettModule {
  getPostgreSQLEventStore(connectionString: string, options?: Record<string, unknown>): EmmettStore;
}

/**
 * Emmett's store on the same database (it creates its own tables on first use). Loaded with require where the
 * package offers CommonJS, else with a dynamic import that TypeScript's CommonJS output leaves alone.
 */
async function loadEmmett(connectionString: string): Promise<Contender> {
  let module: EmmettModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require('@event-driven-io/emmett-postgresql') as EmmettModule;
  } catch {
    const importer = new Function('specifier', 'return import(specifier)') as (
      s: string,
    ) => Promise<EmmettModule>;
    module = await importer('@event-driven-io/emmett-postgresql');
  }
  const store = module.getPostgreSQLEventStore(connectionString);
  return {
    name: 'Emmett',
    async append(stream, version, count) {
      const events = Array.from({ length: count }, () => ({
        type: 'ContactAttempted',
        data: eventData(),
        metadata: eventMetadata(),
      }));
      await store.appendToStream(stream, events, {
        expectedStreamVersion: version === 0 ? 'STREAM_DOES_NOT_EXIST' : BigInt(version),
      });
    },
    close: () => store.close(),
  };
}
