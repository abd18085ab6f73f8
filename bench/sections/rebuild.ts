import { PostgresEventStore } from '@hf/event-store';
import { createLogger } from '@hf/platform';
import { allProjections, Projection, ProjectionRunner, REBUILD_PAGE_SIZE } from '@hf/projections';
import { alertProjections, AlertsInboxProjection } from '@hf/projections/alerts';
import { Pool } from 'pg';
import { formatRate } from '../lib/stats';
import type { BenchRow } from '../lib/types';

const TARGET_EVENTS_PER_SECOND = 10_000;

/** What `npm run cli -- rebuild` rebuilds: every read model plus the alert inbox. */
export function rebuiltProjections(): Projection[] {
  return [...allProjections(), new AlertsInboxProjection()];
}

/**
 * Rebuilds the full projection set from the start of the log the way `npm run cli -- rebuild` does (every
 * projection reset, then one pass over the log with ProjectionRunner.catchUpTogether, pages of REBUILD_PAGE_SIZE)
 * and reports events in the store divided by the wall time. With `breakdown`, each projection is then also rebuilt
 * alone (reset + catchUp, its own pass over the log, same page size), to show where the time goes.
 */
export async function runRebuildSection(
  ctx: { databaseUrl: string; sizeLabel: string; log(message: string): void },
  options: { breakdown: boolean },
): Promise<BenchRow[]> {
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 4, application_name: 'hf-bench-rebuild' });
  const logger = createLogger('warn');
  try {
    const events = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    const projections = rebuiltProjections();
    const runner = new ProjectionRunner(pool, new PostgresEventStore(pool), projections, logger, {
      batchSize: REBUILD_PAGE_SIZE,
      idleDelayMs: 200,
    });
    const started = process.hrtime.bigint();
    for (const projection of projections) await runner.reset(projection);
    await runner.catchUpTogether(projections);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = events / seconds;
    ctx.log(
      `rebuild of ${projections.length} projections together: ${events} events in ${seconds.toFixed(1)} s`,
    );
    const rows: BenchRow[] = [
      {
        section: `rebuild @ ${ctx.sizeLabel}`,
        metric: `full projection set (${projections.length} projections, one pass, as cli rebuild)`,
        value: formatRate(rate, 'events/s'),
        target: `>= ${formatRate(TARGET_EVENTS_PER_SECOND, 'events/s')}`,
        verdict: rate >= TARGET_EVENTS_PER_SECOND ? 'met' : 'missed',
        note: `${events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s`,
      },
    ];
    if (!options.breakdown) return rows;
    for (const projection of projections) {
      const own = process.hrtime.bigint();
      await runner.reset(projection);
      const applied = await runner.catchUp(projection);
      const alone = Number(process.hrtime.bigint() - own) / 1e9;
      ctx.log(`rebuild ${projection.name} alone: ${applied} events in ${alone.toFixed(1)} s`);
      rows.push({
        section: `rebuild @ ${ctx.sizeLabel}`,
        metric: `${projection.name} alone (own pass over the log)`,
        value: formatRate(applied / alone, 'events/s'),
        verdict: 'n/a',
        note: `${alone.toFixed(1)} s`,
      });
    }
    return rows;
  } finally {
    await pool.end();
  }
}

/**
 * Runs the alert engine over the generated history (as the alert worker would, with the system clock), then
 * brings every read model up to date with the alert events it appended, so the inbox and the notification items
 * hold what the service sections query. Reported for information: the engine has no target of its own.
 */
export async function runAlertCatchUp(ctx: {
  databaseUrl: string;
  sizeLabel: string;
  log(message: string): void;
}): Promise<BenchRow[]> {
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 4, application_name: 'hf-bench-alerts' });
  const logger = createLogger('warn');
  try {
    const store = new PostgresEventStore(pool);
    const [engine, inbox] = alertProjections(store, { now: () => new Date() }, logger);
    const before = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    const runner = new ProjectionRunner(pool, store, [engine], logger, { batchSize: 200, idleDelayMs: 200 });
    const started = process.hrtime.bigint();
    const judged = await runner.catchUp(engine);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const after = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
    ctx.log(
      `alert engine: ${judged} events judged in ${seconds.toFixed(1)} s, ${after - before} alert events appended`,
    );
    const models = [...allProjections(), inbox];
    const readModels = new ProjectionRunner(pool, store, models, logger);
    for (const projection of models) await readModels.catchUp(projection);
    return [
      {
        section: `rebuild @ ${ctx.sizeLabel}`,
        metric: 'alert engine catch-up over the history (batch 200, as the worker runs it)',
        value: formatRate(judged / seconds, 'events/s'),
        verdict: 'n/a',
        note: `${(after - before).toLocaleString('en-US')} alert events appended in ${seconds.toFixed(1)} s`,
      },
    ];
  } finally {
    await pool.end();
  }
}

/** Brings the read models up to date without measuring (for runs that skip the rebuild section). */
export async function catchUpReadModels(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 4, application_name: 'hf-bench-catch-up' });
  try {
    const projections = rebuiltProjections();
    await new ProjectionRunner(
      pool,
      new PostgresEventStore(pool),
      projections,
      createLogger('warn'),
    ).catchUpTogether(projections);
  } finally {
    await pool.end();
  }
}
