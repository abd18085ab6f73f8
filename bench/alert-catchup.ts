import { PostgresEventStore } from '@hf/event-store';
import { createLogger } from '@hf/platform';
import { ProjectionRunner } from '@hf/projections';
import { alertProjections } from '@hf/projections/alerts';
import { Pool, type PoolClient } from 'pg';

/**
 * Profiles the alert engine's catch-up alone, the way runAlertCatchUp runs it (batch 200, system clock), on a
 * database that already holds a generated history (`npm run bench -- --only generate --keep`; copy it with
 * `CREATE DATABASE x TEMPLATE y` for repeatable runs, since the catch-up appends alert events).
 *
 *   node dist/bench/bench/alert-catchup.js <database url> [max events]
 *
 * Prints the rate per 100k events and, at the end, round trips per query kind with their total time, so a change
 * can be judged by what it removes rather than by one wall-clock figure on a shared machine.
 */
async function main() {
  const [url, max] = process.argv.slice(2);
  if (!url) throw new Error('usage: alert-catchup <database url> [max events]');
  const limit = max ? Number(max) : Infinity;
  const pool = new Pool({ connectionString: url, max: 4, application_name: 'hf-bench-alert-catchup' });
  const stats = new Map<string, { count: number; ms: number }>();
  pool.on('connect', (client: PoolClient) => instrument(client, stats));
  const logger = createLogger('warn');
  try {
    const store = new PostgresEventStore(pool);
    const [engine] = alertProjections(store, { now: () => new Date() }, logger);
    const before = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    const runner = new ProjectionRunner(pool, store, [engine], logger, { batchSize: 200, idleDelayMs: 200 });
    const started = process.hrtime.bigint();
    let window = started;
    let judged = 0;
    let mark = 100_000;
    while (judged < limit) {
      const applied = await runner.runBatch(engine);
      if (applied === null) throw new Error('the engine checkpoint is held by another runner');
      if (applied === 0) break;
      judged += applied;
      if (judged >= mark) {
        const now = process.hrtime.bigint();
        const s = Number(now - window) / 1e9;
        process.stderr.write(`${judged} events; last window ${(100_000 / s).toFixed(0)} events/s\n`);
        window = now;
        mark += 100_000;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const after = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    process.stdout.write(
      `alert engine: ${judged} events judged in ${seconds.toFixed(1)} s = ${(judged / seconds).toFixed(0)} events/s, ${after - before} alert events appended\n`,
    );
    const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    for (const [kind, s] of rows) {
      process.stdout.write(
        `${String(s.count).padStart(9)} q ${(s.ms / 1000).toFixed(1).padStart(8)} s ${(s.ms / s.count).toFixed(3).padStart(8)} ms/q ${(s.count / judged).toFixed(3).padStart(7)} q/event  ${kind}\n`,
      );
    }
  } finally {
    await pool.end();
  }
}

/** Counts and times every query a connection sends, keyed by the start of its SQL. */
function instrument(client: PoolClient, stats: Map<string, { count: number; ms: number }>): void {
  const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
    const kind = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const started = process.hrtime.bigint();
    const done = () => {
      const s = stats.get(kind) ?? { count: 0, ms: 0 };
      s.count += 1;
      s.ms += Number(process.hrtime.bigint() - started) / 1e6;
      stats.set(kind, s);
    };
    const result = original(...args);
    if (!(result instanceof Promise)) return result; // the callback form (pool.query): not a batch's query
    return result.then(
      (value) => {
        done();
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
