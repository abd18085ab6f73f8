import { Command } from 'commander';
import { PrincipalRegistry } from '@hf/access';
import { UNIT_TYPES, type UnitType } from '@hf/domain/alerts/alert';
import { createEventStore, EventStore, EventStoreDbEventStore, START } from '@hf/event-store';
import { AppConfig, createLogger, Database, loadConfig, migrate } from '@hf/platform';
import { allProjections, ProjectionRunner, REBUILD_PAGE_SIZE } from '@hf/projections';
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
    await withDatabase(async (database, logger, config) => {
      // The alert inbox is a plain read model of alert events; the alert engine is not rebuilt (its output is
      // events, and re-running it over history would re-judge old facts against today's clock).
      const projections = [...allProjections(), new AlertsInboxProjection()].filter(
        (p) => !name || p.name === name,
      );
      if (projections.length === 0) throw new Error(`no projection named ${name}`);
      const store = createEventStore(config, database.pool, logger);
      try {
        const runner = new ProjectionRunner(database.pool, store, projections, logger, {
          batchSize: REBUILD_PAGE_SIZE,
          idleDelayMs: 200,
        });
        const total = await eventsInLog(store);
        const started = Date.now();
        for (const projection of projections) await runner.reset(projection);
        // one pass over the log for all of them: each page is read and parsed once, not once per projection
        const label = name ?? `${projections.length} projections`;
        const applied = await runner.catchUpTogether(projections, (done) => progress(label, done, total));
        const seconds = (Date.now() - started) / 1000;
        process.stderr.write(
          `\n${label}: ${applied} events in ${seconds.toFixed(1)} s (${Math.round(applied / Math.max(seconds, 0.001))} events/s)\n`,
        );
      } finally {
        // an EventStoreDB client keeps a gRPC channel open, which would keep the command from exiting
        if (store instanceof EventStoreDbEventStore) await store.close();
      }
    });
  });

program
  .command('unit:create')
  .description(
    'register a unit (one function in one municipality, or a named shelter, ward, prison, association)',
  )
  .requiredOption('--id <id>', 'lower-case unit id, e.g. shelter-sct-nicolai-kbh')
  .requiredOption('--type <type>', `one of ${UNIT_TYPES.join(', ')}`)
  .option('--municipality <code>', 'kommunekode, for municipal units and shelters')
  .requiredOption('--name <name>', 'display name')
  .action(async (options: { id: string; type: string; municipality?: string; name: string }) => {
    if (!(UNIT_TYPES as readonly string[]).includes(options.type))
      throw new Error(`unknown unit type ${options.type}`);
    await withDatabase(async (database) => {
      await new PrincipalRegistry(database.pool).upsertUnit({ ...options, type: options.type as UnitType });
      console.warn(`unit ${options.id} saved`);
    });
  });

program
  .command('principal:create')
  .description('create a person (OIDC subject) or a system (prints its first API key) acting for one unit')
  .requiredOption('--unit <id>', 'the unit the principal acts for')
  .requiredOption('--name <name>', 'display name (a role or system name)')
  .option('--oidc-subject <sub>', "a person: the identity provider's subject; uses OIDC_ISSUER")
  .action(async (options: { unit: string; name: string; oidcSubject?: string }) => {
    const issuer = process.env.OIDC_ISSUER;
    if (options.oidcSubject && !issuer) throw new Error('set OIDC_ISSUER to create a person');
    await withDatabase(async (database) => {
      const registry = new PrincipalRegistry(database.pool);
      const id = await registry.createPrincipal({
        kind: options.oidcSubject ? 'person' : 'system',
        unitId: options.unit,
        displayName: options.name,
        ...(options.oidcSubject ? { oidcIssuer: issuer, oidcSubject: options.oidcSubject } : {}),
      });
      process.stdout.write(`principal ${id}\n`);
      if (!options.oidcSubject)
        process.stdout.write(`api key (shown once) ${(await registry.issueApiKey(id)).apiKey}\n`);
    });
  });

program
  .command('key:rotate')
  .description('issue a new API key for a system; its other keys stop working after the grace period')
  .requiredOption('--principal <id>', 'principal id')
  .option('--grace-hours <hours>', 'how long the old keys keep working', '24')
  .action(async (options: { principal: string; graceHours: string }) => {
    await withDatabase(async (database) => {
      const issued = await new PrincipalRegistry(database.pool).rotateApiKeys(
        options.principal,
        Number(options.graceHours) * 3600,
      );
      process.stdout.write(`api key (shown once) ${issued.apiKey}\n`);
    });
  });

program
  .command('key:revoke')
  .description('revoke one API key at once')
  .argument('<keyId>', 'the 16 hex characters after hfk_')
  .action(async (keyId: string) => {
    await withDatabase(async (database) => {
      const revoked = await new PrincipalRegistry(database.pool).revokeApiKey(keyId);
      if (!revoked) throw new Error(`no active key ${keyId}`);
      console.warn(`key ${keyId} revoked`);
    });
  });

/** How many events the log holds, when the store can count them cheaply; else unknown (progress shows counts). */
async function eventsInLog(store: EventStore): Promise<number | null> {
  if (!store.pendingAfter) return null;
  return (await store.pendingAfter(START, Number.MAX_SAFE_INTEGER)).count;
}

function progress(name: string, done: number, total: number | null) {
  if (total === null) {
    process.stderr.write(`\r${name}: ${done} events`);
    return;
  }
  const width = 30;
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  process.stderr.write(`\r${name} [${bar}] ${done}/${total}`);
}

async function withDatabase(
  fn: (database: Database, logger: ReturnType<typeof createLogger>, config: AppConfig) => Promise<void>,
) {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Migrations run only when asked for (`migrate`), not as a side effect of another command.
  const database = await Database.open(config, logger, { migrate: false });
  try {
    await fn(database, logger, config);
  } finally {
    await database.close();
  }
}

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
