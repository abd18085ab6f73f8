import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Pool } from 'pg';
import { ProcessMemory, processMemory, prometheusValue } from './memory';

export type ServiceRole = 'api' | 'worker';

export interface ServiceOptions {
  role: ServiceRole;
  databaseUrl: string;
  /** the API also runs the projection worker, the alert engine and the webhook dispatcher (RUN_WORKER) */
  withWorker?: boolean;
  /** more environment, e.g. PROJECTION_POLL_MS */
  env?: Record<string, string>;
  /** the repository root holding dist/ (default: the working directory) */
  root?: string;
  readyTimeoutMs?: number;
}

export interface RunningService {
  role: ServiceRole;
  pid: number;
  /** http://127.0.0.1:<port> for the API; empty for a worker */
  url: string;
  /** the environment the service was started with that shapes the figures (poll interval, pool size, ...) */
  settings: Record<string, string>;
  memory(): Promise<ProcessMemory | null>;
  /** the API's V8 heap in use now, from its /metrics; undefined for a worker */
  heapUsedBytes(): Promise<number | undefined>;
  stop(): Promise<void>;
}

const ENTRY: Record<ServiceRole, string> = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
};

/**
 * The compiled service to run: the copy compiled with the bench itself when there is one (a bench build that
 * includes apps/, such as dist/bench), so the figures are of the same source as the bench; else `npm run build`'s.
 */
export function serviceEntry(role: ServiceRole, root: string, from: string = __dirname): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const compiledWithBench = join(dir, ENTRY[role]);
    if (existsSync(compiledWithBench)) return compiledWithBench;
    if (dir === root) break;
  }
  const built = resolve(root, 'dist', ENTRY[role]);
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  return built;
}

/**
 * The checkout holding package.json and dist/, found upwards from this file, so the sections work wherever their
 * compiled copy lives and whatever the working directory; the working directory otherwise.
 */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the built service as a child process, as production runs it, and waits until it is ready. Its output is
 * kept (only the last lines) to explain a failed start; LOG_LEVEL=warn keeps request logging out of the figures.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const root = options.root ?? repositoryRoot();
  const entry = serviceEntry(options.role, root);
  const port = options.role === 'api' ? await freePort() : 0;
  // which worker connections were there before, so readiness sees this worker's own
  const baseline = options.role === 'worker' ? await workerConnections(options.databaseUrl) : undefined;
  const settings: Record<string, string> = {
    RUN_WORKER: options.role === 'api' ? String(options.withWorker ?? false) : 'true',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_FAILURES_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'false',
    ...(options.env ?? {}),
  };
  // BENCH_CPU_PROF_DIR: each child writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF_DIR)}`]
    : [];
  const child = spawn(process.execPath, [...profile, entry], {
    cwd: root,
    env: {
      ...process.env,
      ...settings,
      NODE_ENV: 'development',
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = options.role === 'api' ? `http://127.0.0.1:${port}` : '';

  const service: RunningService = {
    role: options.role,
    pid: child.pid!,
    url,
    settings,
    memory: () => processMemory(child.pid!),
    heapUsedBytes: async () => {
      if (!url) return undefined;
      const res = await fetch(`${url}/metrics`).catch(() => null);
      return res?.ok ? prometheusValue(await res.text(), 'hf_nodejs_heap_size_used_bytes') : undefined;
    },
    stop: () => stopChild(child, exited),
  };
  try {
    await waitUntilReady(
      service,
      exited,
      options.readyTimeoutMs ?? 120_000,
      baseline && { databaseUrl: options.databaseUrl, baseline },
    );
  } catch (error) {
    await service.stop();
    throw new Error(
      `${options.role} did not start: ${(error as Error).message}\n${output.join('').slice(-2000)}`,
    );
  }
  return service;
}

/** the worker's own pools (apps/worker): one connection of each shows that it polls */
const WORKER_POOLS = ['housing-first-alerts', 'housing-first-webhooks'];

/** Connections of the worker's pools to the service's database now, by pool. */
export async function workerConnections(databaseUrl: string): Promise<Record<string, number>> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ name: string; n: number }>(
      `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = ANY($1) GROUP BY application_name`,
      [WORKER_POOLS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  } finally {
    await pool.end();
  }
}

async function workerPolling(databaseUrl: string, before: Record<string, number>): Promise<boolean> {
  const now = await workerConnections(databaseUrl);
  return WORKER_POOLS.every((name) => (now[name] ?? 0) > (before[name] ?? 0));
}

async function waitUntilReady(
  service: RunningService,
  exited: Promise<number | null>,
  timeoutMs: number,
  worker?: { databaseUrl: string; baseline: Record<string, number> },
): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`exited with code ${gone}`);
    if (worker) {
      // The worker has no HTTP port: it is up once its alert runner and webhook dispatcher have connected, which
      // they do from their first poll on.
      if (await workerPolling(worker.databaseUrl, worker.baseline)) return;
      await sleep(200);
      continue;
    }
    const res = await fetch(`${service.url}/health/ready`).catch((error: Error) => error);
    if (!(res instanceof Error)) {
      if (res.ok) return;
      last = `${res.status} ${(await res.text()).slice(0, 500)}`;
    }
    await sleep(200);
  }
  throw new Error(`not ready after ${timeoutMs} ms (${last})`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
