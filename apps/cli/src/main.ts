import { Command } from 'commander';
import { PostgresEventStore } from '@hf/event-store';
import { createLogger, Database, loadConfig, migrate } from '@hf/platform';
import { allProjections, ProjectionRunner } from '@hf/projections';
import { AlertsInboxProjection } from '@hf/projections/alerts';

/** Admin commands. Each opens the same database the service would (embedded when DATABASE_URL is unset). */
const program = new Command('housing-first').description('Housing First coordination: admin commands');

program
  .command('migrate')
  .description('apply pending SQL migrations and print the schema version')
  .action(async () => {
    await withDatabase(async (database) => {
      const outcome = await migrate(database.pool);
      console.warn(
        outcome.applied.length > 0
          ? `applied migrations ${outcome.applied.join(', ')}; schema at version ${outcome.current}`
          : `schema already at version ${outcome.current}`,
      );
    });
  });

program
  .command('rebuild')
  .description('rebuild read models from the start of the event log')
  .argument('[projection]', 'one projection by name (default: all)')
  .action(async (name?: string) => {
    await withDatabase(async (database, logger) => {
      // The alert inbox is a plain read model of alert events; the alert engine is not rebuilt (its output is
      // events, and re-running it over history would re-judge old facts against today's clock).
      const projections = [...allProjections(), new AlertsInboxProjection()].filter(
        (p) => !name || p.name === name,
      );
      if (projections.length === 0) throw new Error(`no projection named ${name}`);
      const runner = new ProjectionRunner(
        database.pool,
        new PostgresEventStore(database.pool),
        projections,
        logger,
      );
      const total = Number((await database.pool.query('SELECT count(*) FROM events')).rows[0].count);
      for (const projection of projections) {
        const started = Date.now();
        await runner.reset(projection);
        const applied = await runner.catchUp(projection, (done) => progress(projection.name, done, total));
        const seconds = (Date.now() - started) / 1000;
        process.stderr.write(
          `\n${projection.name}: ${applied} events in ${seconds.toFixed(1)} s (${Math.round(applied / Math.max(seconds, 0.001))} events/s)\n`,
        );
      }
    });
  });

function progress(name: string, done: number, total: number) {
  const width = 30;
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  process.stderr.write(`\r${name} [${bar}] ${done}/${total}`);
}

async function withDatabase(
  fn: (database: Database, logger: ReturnType<typeof createLogger>) => Promise<void>,
) {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Migrations run only when asked for (`migrate`), not as a side effect of another command.
  const database = await Database.open(config, logger, { migrate: false });
  try {
    await fn(database, logger);
  } finally {
    await database.close();
  }
}

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
