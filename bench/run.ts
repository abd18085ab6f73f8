import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, migrate } from '@hf/platform';
import { Pool } from 'pg';
import { NationalHistoryGenerator } from './generator/generator';
import { openBenchDatabase } from './lib/database';
import type { BenchContext, BenchRow } from './lib/types';
import { runAppendSection } from './sections/append';
import { catchUpReadModels, runAlertCatchUp, runRebuildSection } from './sections/rebuild';
import { serviceSections } from './sections/service';
import { withStoreRatio } from './sections/service/lib/store-ratio';

/**
 * `npm run bench`: one run, one machine, one table. Order: the append section on a database of its own; then per
 * size: grow the generated history to the size, rebuild the projections (measured), let the alert engine judge the
 * history, run the service sections marked `each`; after the last size, the sections marked `last`.
 */

interface Options {
  sizes: { label: string; events: number }[];
  quick: boolean;
  /** the sections to run (`--only a,b`); all when unset */
  only?: string[];
  keep: boolean;
  seed: number;
  writers: number;
}

const STORE_SECTIONS = ['append', 'generate', 'rebuild'];

function parseArgs(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const sizes = (value('--sizes') ?? (quick ? '10k,20k' : '1m,5m')).split(',').map((label) => ({
    label: label.toUpperCase(),
    events: parseSize(label),
  }));
  const only = value('--only')?.split(',');
  const known = [...STORE_SECTIONS, ...serviceSections.map((s) => s.name)];
  const unknown = only?.filter((section) => !known.includes(section)) ?? [];
  if (unknown.length > 0 || only?.length === 0)
    throw new Error(`--only takes one or more (comma-separated) of ${known.join(', ')}`);
  return {
    sizes,
    quick,
    only,
    keep: argv.includes('--keep'),
    seed: Number(value('--seed') ?? 20261123),
    writers: Number(value('--writers') ?? 8),
  };
}

function parseSize(label: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(label.trim());
  if (!match) throw new Error(`not a size: ${label} (e.g. 1m, 500k, 20000)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const wants = (section: string) => !options.only || options.only.includes(section);
  const database = await openBenchDatabase(log);
  const rows: BenchRow[] = [];
  let machine = '';
  try {
    machine = await describeMachine(database.url, database.origin, options);
    process.stderr.write(`${machine}\n`);

    if (wants('append')) {
      const url = await database.createDatabase('append');
      rows.push(...(await runAppendSection({ databaseUrl: url, quick: options.quick, log })));
    }

    const needsData = !options.only || options.only.some((section) => section !== 'append');
    if (needsData) {
      const pool = new Pool({
        connectionString: database.url,
        max: options.writers + 2,
        application_name: 'hf-bench-generator',
      });
      try {
        await migrate(pool);
        const config = loadConfig();
        const generator = new NationalHistoryGenerator(pool, config, {
          seed: options.seed,
          writers: options.writers,
        });
        for (const size of options.sizes) {
          log(`generating up to ${size.events.toLocaleString('en-US')} events (${size.label})`);
          const report = await generator.generateUntil(size.events, (n) =>
            log(`  ${n.toLocaleString('en-US')} events`),
          );
          const refused = [...report.refused.values()].reduce((a, b) => a + b, 0);
          rows.push({
            section: `generate @ ${size.label}`,
            metric: `synthetic history through the store adapter, ${options.writers} writers`,
            value: `${Math.round(report.events / report.seconds).toLocaleString('en-US')} events/s`,
            verdict: 'n/a',
            note: `${report.events.toLocaleString('en-US')} events, ${report.citizens.toLocaleString('en-US')} citizens, ${report.appends.toLocaleString('en-US')} appends in ${report.seconds.toFixed(0)} s; ${refused} commands refused by the domain and skipped`,
          });
          const ctx: BenchContext = {
            databaseUrl: database.url,
            events: Number((await pool.query('SELECT count(*) FROM events')).rows[0].count),
            sizeLabel: size.label,
            sampleCitizens: generator.sampleCitizens,
            quick: options.quick,
            log,
          };
          if (wants('rebuild')) {
            // the per-projection breakdown once, at the first size: it rebuilds everything a second time
            const breakdown = size === options.sizes[0];
            rows.push(...(await runRebuildSection(ctx, { breakdown })));
          }
          const services = serviceSections.filter((s) => s.sizes === 'each' && wants(s.name));
          const servicesLater = serviceSections.some((s) => wants(s.name));
          // the service sections query read models: without a measured rebuild they are caught up unmeasured
          if (!wants('rebuild') && servicesLater) await catchUpReadModels(ctx.databaseUrl);
          if (servicesLater || wants('rebuild')) rows.push(...(await runAlertCatchUp(ctx)));
          for (const section of services) {
            log(`section ${section.name} @ ${size.label}`);
            ctx.events = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
            rows.push(...(await section.run(ctx)));
          }
          if (size === options.sizes[options.sizes.length - 1]) {
            for (const section of serviceSections.filter((s) => s.sizes === 'last' && wants(s.name))) {
              log(`section ${section.name} @ ${size.label}`);
              ctx.events = Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
              rows.push(...(await section.run(ctx)));
            }
          }
        }
      } finally {
        await pool.end();
      }
    }
  } finally {
    await database.close({ keep: options.keep });
  }

  // the HTTP command rate is judged against this run's store-level append rate, known only now
  const table = renderTable(withStoreRatio(rows));
  const stamp = new Date().toISOString();
  const report = `# Benchmark run ${stamp}${options.quick ? ' (quick: smoke run, not figures)' : ''}\n\n${machine}\n\n${table}\n`;
  process.stdout.write(`\n${table}\n`);
  // quick runs check the harness; they go where they cannot be mistaken for figures (and are git-ignored)
  const dir = resolve(__dirname, '..', '..', '..', 'bench', 'results', ...(options.quick ? ['quick'] : []));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${stamp.replace(/:/g, '-')}.md`), report);
  writeFileSync(join(dir, 'latest.md'), report);
  log(`written to ${join(dir, 'latest.md')}`);
}

async function describeMachine(url: string, origin: string, options: Options): Promise<string> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const setting = async (name: string) => (await pool.query(`SHOW ${name}`)).rows[0][name] as string;
    const version = (await pool.query('SHOW server_version')).rows[0].server_version as string;
    const cpu = cpus();
    return [
      `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
      `- node ${process.version}; PostgreSQL ${version} (${origin === 'embedded' ? 'embedded, started by the run' : `from ${origin}`})`,
      `- fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}, shared_buffers=${await setting('shared_buffers')}, max_wal_size=${await setting('max_wal_size')}, autovacuum=${await setting('autovacuum')}, jit=${await setting('jit')}`,
      `- sizes ${options.sizes.map((s) => s.label).join(', ')}; seed ${options.seed}; ${options.writers} generator writers${options.quick ? '; QUICK' : ''}`,
    ].join('\n');
  } finally {
    await pool.end();
  }
}

function renderTable(rows: BenchRow[]): string {
  const header = ['section', 'metric', 'value', 'baseline', 'ratio', 'target', 'verdict', 'note'];
  const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${[r.section, r.metric, r.value, r.baseline, r.ratio, r.target, r.verdict, r.note].map(cell).join(' | ')} |`,
    ),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
