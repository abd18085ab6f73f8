/**
 * Runs the service sections alone, without the orchestrator (bench/run.ts): prepares a BenchContext itself
 * (a fresh database, migrations, a few hundred citizens written over the HTTP API, read models and the alert engine
 * caught up), runs the sections and prints their rows as a markdown table. For developing and checking sections;
 * the figures of record come from `npm run bench`.
 *
 * (the service it starts is the copy of apps/ compiled with it, so no `npm run build` is needed)
 *
 *   npx tsc -p bench/sections/service/tsconfig.dev-run.json \
 *     && npx tsc-alias -p bench/sections/service/tsconfig.dev-run.json \
 *     && node dist/bench-service/bench/sections/service/dev-run.js [--quick] [--only queries] [--citizens 300] [--keep]
 *
 * Database: DATABASE_URL (a server URL whose user may create databases: a database hf_bench_service_<time> is made
 * and dropped afterwards), else an embedded PostgreSQL 17 in a temporary directory.
 */
import { migrate, startEmbeddedPostgres } from '@hf/platform';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { BenchContext, BenchRow, SampleCitizen } from '../../lib/types';
import { serviceSections } from './index';
import { inBatches } from './lib/batches';
import { waitUntilCaughtUp } from './lib/caught-up';
import { expectOk } from './lib/http';
import { BenchPrincipals, municipalUnit, regionalUnit } from './lib/principals';
import { freePort, startService } from './lib/service-process';

const MUNICIPALITIES = ['101', '751', '461'];

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = valueOf(args, '--only');
  const citizens = Number(valueOf(args, '--citizens') ?? (quick ? 60 : 300));
  // --keep leaves a DATABASE_URL database in place afterwards, for EXPLAIN ANALYZE of what was measured
  const keep = args.includes('--keep') && Boolean(process.env.DATABASE_URL);
  const log = (message: string) => process.stderr.write(`[bench-service] ${message}\n`);

  const database = await freshDatabase(log);
  try {
    const pool = new Pool({ connectionString: database.url, max: 2 });
    await migrate(pool);
    await pool.end();
    const sampleCitizens = await seed(database.url, citizens, log);
    const ctx: BenchContext = {
      databaseUrl: database.url,
      events: await eventCount(database.url),
      sizeLabel: `${citizens} citizens`,
      sampleCitizens,
      quick,
      log,
    };
    const rows: BenchRow[] = [];
    for (const section of serviceSections.filter((s) => !only || s.name === only)) {
      log(`section ${section.name}`);
      rows.push(...(await section.run(ctx)));
    }
    process.stdout.write(`${markdownTable(rows)}\n`);
  } finally {
    if (keep) log(`kept ${database.url}`);
    else await database.drop();
  }
}

/**
 * A small history over HTTP: citizens in three municipalities, some in a §110 shelter, some with the jobcentre's
 * sanction-risk flag, some with a psychiatric discharge into homelessness (A1 alerts for the inbox).
 */
async function seed(
  databaseUrl: string,
  citizens: number,
  log: (m: string) => void,
): Promise<SampleCitizen[]> {
  log(`seeding ${citizens} citizens over HTTP`);
  const api = await startService({ role: 'api', databaseUrl, withWorker: true });
  const principals = new BenchPrincipals(databaseUrl);
  try {
    const psychiatry = await principals.keyFor(regionalUnit('psychiatry', 'region-hovedstaden'));
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    const sample = await inBatches(citizens, 4, async (i) => {
      const handlekommune = MUNICIPALITIES[i % MUNICIPALITIES.length]!;
      const authority = await principals.keyFor(municipalUnit('social-authority', handlekommune));
      const jobcentre = await principals.keyFor(municipalUnit('jobcentre', handlekommune));
      const shelter = municipalUnit('shelter', handlekommune);
      await principals.keyFor(shelter);
      const { citizenId } = await expectOk<{ citizenId: string }>(api.url, authority, 'POST', '/citizens', {
        alias: `Bench ${i}`,
        handlekommune,
      });
      const post = (key: string, path: string, body: unknown) =>
        expectOk(api.url, key, 'POST', `/citizens/${citizenId}${path}`, body);
      if (i % 2 === 0)
        await post(authority, '/shelter-stays', {
          shelterId: shelter.id,
          shelterName: 'Forsorgshjem (benchmark)',
          municipalityOfStay: handlekommune,
          referral: 'self-referred',
        });
      if (i % 3 === 0) {
        await post(jobcentre, '/employment/caseworker-assignments', {
          caseworkerId: `jc-${i}`,
          unitId: municipalUnit('jobcentre', handlekommune).id,
        });
        await post(jobcentre, '/employment/sanction-risks', { reason: 'missed-meeting' });
      }
      if (i % 5 === 0) {
        const { admissionId } = await post(psychiatry, '/institution/hospital-admissions', {
          kind: 'psychiatric',
          hospitalName: 'Psykiatrisk Center (benchmark)',
        });
        await post(psychiatry, `/institution/hospital-admissions/${String(admissionId)}/discharge-planned`, {
          expectedDate: tomorrow,
          destination: shelter.id,
          housingStatus: 'no-home',
          medicationNeeds: 'none',
        });
      }
      return { citizenId, handlekommune } satisfies SampleCitizen;
    });
    log('waiting for read models and the alert engine to catch up');
    await waitUntilCaughtUp(databaseUrl);
    return sample;
  } finally {
    await principals.close();
    await api.stop();
  }
}

async function freshDatabase(log: (m: string) => void): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `hf_bench_service_${Date.now()}`;
    const admin = new Pool({ connectionString: server, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    log(`database ${name} on DATABASE_URL's server`);
    return {
      url: url.toString(),
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'hf-bench-service-'));
  chmodSync(dir, 0o755); // as root, the server runs as the postgres user and must reach its directory
  const embedded = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  log('embedded PostgreSQL in a temporary directory');
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function eventCount(databaseUrl: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
  } finally {
    await pool.end();
  }
}

function markdownTable(rows: BenchRow[]): string {
  const head = ['section', 'metric', 'value', 'baseline', 'target', 'verdict', 'note'] as const;
  const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${head.map((h) => cell(r[h])).join(' | ')} |`),
  ].join('\n');
}

function valueOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
