import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@hf/platform/database/embedded';

export interface BenchDatabase {
  /** the server admin URL (database `postgres` or whatever the given URL named) */
  adminUrl: string;
  /** a fresh, empty database of this run */
  url: string;
  /** where it came from, for the machine description */
  origin: 'BENCH_DATABASE_URL' | 'DATABASE_URL' | 'embedded';
  /** drops the run's databases (unless kept) and stops an embedded server */
  close(options: { keep: boolean }): Promise<void>;
  /** another fresh database on the same server (the append section's own tables) */
  createDatabase(suffix: string): Promise<string>;
}

/**
 * BENCH_DATABASE_URL, else DATABASE_URL, is a server URL whose user may create databases: the run creates
 * `hf_bench_<timestamp>` there and drops it at the end. Without either, an embedded PostgreSQL 17 is started in a
 * temporary directory like the tests do, so `npm run bench` works on a fresh clone.
 */
export async function openBenchDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const origin = process.env.BENCH_DATABASE_URL
    ? 'BENCH_DATABASE_URL'
    : process.env.DATABASE_URL
      ? 'DATABASE_URL'
      : 'embedded';
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl: string;
  if (given) {
    adminUrl = given;
  } else {
    const parent = mkdtempSync(join(tmpdir(), 'hf-bench-pg-'));
    chmodSync(parent, 0o755); // as root, the server runs as the postgres user and must reach its directory
    const port = await freePort();
    log(`starting an embedded PostgreSQL in ${parent}`);
    const server = await startEmbeddedPostgres({
      dir: join(parent, 'data'),
      port,
      persistent: false,
      database: 'hf_admin',
    });
    adminUrl = server.url;
    stopEmbedded = async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  }
  const stamp = new Date()
    .toISOString()
    .replace(/[-:T.Z]/g, '')
    .slice(0, 14);
  const created: string[] = [];
  const createDatabase = async (suffix: string) => {
    const name = `hf_bench_${stamp}${suffix ? `_${suffix}` : ''}`;
    await onAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return withDatabase(adminUrl, name);
  };
  const url = await createDatabase('');
  return {
    adminUrl,
    url,
    origin,
    createDatabase,
    async close({ keep }) {
      if (!keep) {
        for (const name of created) {
          await onAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(
            (error: unknown) => log(`could not drop ${name}: ${String(error)}`),
          );
        }
      } else {
        log(`kept databases ${created.join(', ')}`);
      }
      await stopEmbedded?.();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
