import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { PrincipalRegistry } from '../../libs/access/src';
import { PostgresEventStore } from '../../libs/event-store/src';
import { createLogger, loadConfig } from '../../libs/platform/src';
import { allProjections, ProjectionRunner, reportedProjectionNames } from '../../libs/projections/src';
import { createApiApp } from '../../apps/api/src/bootstrap';
import {
  BATCHES_TABLE_SQL,
  WitnessedAttempt,
  witnessedAttempts,
  WitnessedBatch,
  witnessedBatches,
} from '../support/processes/batch-witness';
import { killAllStarted, RunningProcess, startProcess } from '../support/processes/child-process';
import { ShelterTraffic } from '../support/processes/shelter-traffic';
import { caughtUp, tableHashes, tablesWrittenBy } from '../support/read-model-hashes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const WORKER_ENTRY = 'test/support/processes/worker-with-witness.ts';
const PROJECTION_NAMES = reportedProjectionNames();
const TAKEOVER_BOUND_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two real worker processes share the projections of one database while facts arrive over the HTTP API. One is
 * killed with SIGKILL mid-run (no chance to clean up: its open batch transaction dies with its connection); the
 * survivor must take over its projections, and every event must be applied exactly once by exactly one worker at a
 * time. Then the survivor is stopped with SIGTERM while facts still arrive (it must exit 0 with nothing half-done),
 * and a third worker finishes the log.
 */
describe('worker replicas: takeover after kill -9, no lost or doubled updates, one worker per projection', () => {
  let db: TestDatabase;
  let api: NestFastifyApplication;
  let traffic: ShelterTraffic;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(BATCHES_TABLE_SQL);
    const config = {
      ...loadConfig({}),
      databaseUrl: db.url,
      databasePoolSize: 4,
      rateLimitPerMinute: 0,
    };
    // The API without a worker (RUN_WORKER=false): only the worker processes apply events.
    api = await createApiApp({ config, logger: createLogger('warn'), withWorker: false });
    await api.init();
    await api.getHttpAdapter().getInstance().ready();
    const registry = new PrincipalRegistry(db.pool);
    await registry.upsertUnit({
      id: 'sa-101',
      type: 'social-authority',
      municipality: '101',
      name: 'sa-101',
    });
    const principalId = await registry.createPrincipal({
      kind: 'system',
      unitId: 'sa-101',
      displayName: 'sa',
    });
    const { apiKey } = await registry.issueApiKey(principalId);
    traffic = new ShelterTraffic(async (method, url, body) => {
      const res = await api.inject({
        method,
        url,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        payload: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.statusCode, body: res.body };
    });
  }, 60_000);

  afterAll(async () => {
    await killAllStarted();
    await api?.close();
    await db?.drop();
  });

  const startWorker = (name: string) =>
    startProcess(name, WORKER_ENTRY, {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      PROJECTION_POLL_MS: '20',
      WITNESS_BATCH_PAUSE_MS: '25',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '15000',
      // The witness and the rebuild below read the log in PostgreSQL.
      EVENT_STORE: 'postgres',
    });

  it('survivor takes over within seconds; every event applied once; never two workers on one projection', async () => {
    await traffic.registerCitizens(6);
    const a = startWorker('worker-a');
    const b = startWorker('worker-b');
    await Promise.all([a, b].map((w) => w.waitForLine(/"worker running"/, 45_000)));

    // Phase 1: both workers share the work until each has committed batches.
    let stopLoad!: () => void;
    const loadStopped = new Promise<void>((resolve) => (stopLoad = resolve));
    const load = traffic.runUntil(loadStopped);
    await until(async () => {
      const pids = new Set((await witnessedBatches(db.pool)).map((batch) => batch.pid));
      return pids.has(a.pid) && pids.has(b.pid);
    }, 20_000);
    await sleep(1_500);

    // kill -9 worker A mid-run, preferably while it is inside a batch; the database clock marks the moments, as it
    // stamps the batches: just before the signal (takeover is measured from here) and once A is gone.
    const killSentAt = await killInsideABatch(db, a);
    expect((await a.exited).signal).toBe('SIGKILL');
    const killedAt = await dbNow(db);
    const committedByA = (await witnessedBatches(db.pool)).filter((batch) => batch.pid === a.pid);

    // Phase 2: facts keep arriving; B alone must have taken every projection over.
    await until(async () => {
      const after = (await witnessedBatches(db.pool)).filter(
        (x) => x.pid === b.pid && x.startedAt > killSentAt,
      );
      return PROJECTION_NAMES.every((name) => after.some((batch) => batch.projection === name));
    }, TAKEOVER_BOUND_MS + 5_000);
    expect((await witnessedBatches(db.pool)).filter((x) => x.pid === a.pid && x.endedAt > killedAt)).toEqual(
      [],
    );
    const afterKill = (await witnessedBatches(db.pool)).filter((x) => x.startedAt > killSentAt);
    const takeoverMs = Math.max(
      ...PROJECTION_NAMES.map((name) =>
        Math.min(
          ...afterKill
            .filter((batch) => batch.pid === b.pid && batch.projection === name)
            .map((batch) => batch.endedAt.getTime() - killSentAt.getTime()),
        ),
      ),
    );
    await sleep(1_000);

    // Phase 3: SIGTERM the survivor under load: it finishes its batches and exits 0.
    const terminatedAt = Date.now();
    b.kill('SIGTERM');
    const bExit = await b.exited;
    const shutdownMs = Date.now() - terminatedAt;
    expect(bExit).toEqual({ code: 0, signal: null });
    expect(b.lines.some((line) => line.includes('"shut down cleanly"'))).toBe(true);
    stopLoad();
    const sent = await load;

    // A third worker applies the rest, then stops cleanly too.
    const c = startWorker('worker-c');
    await c.waitForLine(/"worker running"/, 45_000);
    const lastPosition = await caughtUp(db.pool, PROJECTION_NAMES, 30_000);
    c.kill('SIGTERM');
    expect(await c.exited).toEqual({ code: 0, signal: null });

    const batches = await witnessedBatches(db.pool);
    const { rows: log } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const attempts = await witnessedAttempts(db.pool);
    const overlaps = overlappingAttempts(attempts, { pid: a.pid, killedAt: killSentAt });
    const inFlightAtKill = attempts.filter((x) => x.pid === a.pid && x.appliedAt === null).length;
    const coverage = await coverageProblems(db, batches, log[0].n);
    const shared = PROJECTION_NAMES.filter(
      (name) =>
        new Set(batches.filter((x) => x.projection === name && x.startedAt < killedAt).map((x) => x.pid))
          .size > 1,
    );
    process.stdout.write(
      `worker takeover: ${sent} facts over HTTP, ${log[0].n} events, ${batches.length} batches ` +
        `(A ${committedByA.length} before its kill, ${inFlightAtKill} in flight when killed, B ${batches.filter((x) => x.pid === b.pid).length}, ` +
        `C ${batches.filter((x) => x.pid === c.pid).length}); survivor had every projection ${takeoverMs} ms after ` +
        `kill -9; SIGTERM exit 0 after ${shutdownMs} ms; projections shared by A and B before the kill: ${shared.length}/${PROJECTION_NAMES.length}\n`,
    );

    expect(takeoverMs).toBeLessThan(TAKEOVER_BOUND_MS);
    expect(committedByA.length).toBeGreaterThan(0);
    // Both workers really alternated on the same projections, so the overlap check below is not vacuous.
    expect(shared.length).toBeGreaterThan(0);
    expect(overlaps).toEqual([]);
    expect(coverage).toEqual([]);

    // The read models equal a from-scratch rebuild in one process.
    const projections = allProjections();
    const tables = await tablesWrittenBy(db.pool, projections);
    const live = await tableHashes(db.pool, tables);
    expect(live.timeline_entries.rows).toBeGreaterThan(0);
    expect(live.shelter_stays.rows).toBeGreaterThan(0);
    const runner = new ProjectionRunner(
      db.pool,
      new PostgresEventStore(db.pool),
      projections,
      pino({ level: 'silent' }),
      {
        batchSize: 13,
        idleDelayMs: 10,
      },
    );
    for (const projection of projections) {
      await runner.reset(projection);
      await runner.catchUp(projection);
    }
    expect(await caughtUp(db.pool, PROJECTION_NAMES)).toBe(lastPosition);
    expect(await tableHashes(db.pool, tables)).toEqual(live);
  }, 120_000);
});

/**
 * Attempts (committed or rolled back) on one projection whose time inside apply overlaps: two workers at once. An
 * attempt that never left apply belongs to the killed worker: it ends when the signal is sent (nothing of it can
 * commit after that; its connection's transaction rolls back once PostgreSQL sees the connection gone).
 */
function overlappingAttempts(
  attempts: readonly WitnessedAttempt[],
  killed: { pid: number; killedAt: Date },
): string[] {
  const problems: string[] = [];
  const end = (x: WitnessedAttempt) =>
    x.appliedAt ?? (x.pid === killed.pid ? killed.killedAt : new Date(8_640_000_000_000_000));
  for (const name of new Set(attempts.map((x) => x.projection))) {
    const ordered = attempts
      .filter((x) => x.projection === name)
      .sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    // Against the latest end so far, not just the previous attempt's: a long attempt may span several others.
    let latest = ordered[0];
    for (const attempt of ordered.slice(1)) {
      if (attempt.startedAt < end(latest))
        problems.push(`${name}: pid ${attempt.pid} entered before pid ${latest.pid} left`);
      if (end(attempt) > end(latest)) latest = attempt;
    }
  }
  return problems;
}

/**
 * Each projection's committed batches, in position order, must be disjoint and together hold every event of the
 * log exactly once: a lost event is a gap, a doubled one an overlap or a count mismatch.
 */
async function coverageProblems(
  db: TestDatabase,
  batches: readonly WitnessedBatch[],
  logSize: number,
): Promise<string[]> {
  const problems: string[] = [];
  for (const name of PROJECTION_NAMES) {
    const ordered = batches
      .filter((batch) => batch.projection === name)
      .sort((x, y) => (x.firstPosition < y.firstPosition ? -1 : 1));
    const applied = ordered.reduce((sum, batch) => sum + batch.events, 0);
    if (applied !== logSize) problems.push(`${name}: applied ${applied} events of ${logSize}`);
    for (let i = 1; i < ordered.length; i += 1)
      if (ordered[i].firstPosition <= ordered[i - 1].lastPosition)
        problems.push(`${name}: batches ${i - 1} and ${i} share positions`);
    for (const batch of ordered) {
      const { rows } = await db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM events WHERE global_position BETWEEN $1 AND $2',
        [batch.firstPosition.toString(), batch.lastPosition.toString()],
      );
      if (rows[0].n !== batch.events)
        problems.push(`${name}: a batch applied ${batch.events} of the ${rows[0].n} events in its range`);
    }
  }
  return problems;
}

/**
 * Sends SIGKILL as soon as the worker is seen inside apply (an attempt without an end), or after 5 s regardless.
 * Returns the database time just before the signal.
 */
async function killInsideABatch(db: TestDatabase, worker: RunningProcess): Promise<Date> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await db.pool.query<{ now: Date; inside: boolean }>(
      `SELECT clock_timestamp() AS now,
              EXISTS (SELECT 1 FROM witnessed_attempts WHERE pid = $1 AND applied_at IS NULL) AS inside`,
      [worker.pid],
    );
    if (rows[0].inside || Date.now() > deadline) {
      worker.kill('SIGKILL');
      return rows[0].now;
    }
  }
}

async function dbNow(db: TestDatabase): Promise<Date> {
  const { rows } = await db.pool.query<{ t: Date }>('SELECT clock_timestamp() AS t');
  return rows[0].t;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(100);
  }
}
