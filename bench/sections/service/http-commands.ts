import autocannon from 'autocannon';
import type { BenchContext, BenchRow, BenchSection } from '../../lib/types';
import { count, ms, note, verdictBelow } from './lib/format';
import { expectOk } from './lib/http';
import { inBatches } from './lib/batches';
import { BenchPrincipals, municipalUnit } from './lib/principals';
import { STORE_BASELINE } from './lib/store-ratio';
import { withService } from './lib/with-service';
import { backendsCpuDelta, databaseBackendsCpuSeconds, processCpuSeconds } from './lib/cpu';

/** What of an autocannon run the rows need (so the row shaping can be tested without a run). */
export interface LoadOutcome {
  durationSeconds: number;
  ok: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  latencyP50: number;
  latencyP99: number;
  /** CPU seconds used during the measured load, by whom; null where it could not be read (no /proc, remote db) */
  cpuSeconds?: { api: number | null; worker: number | null; database: number | null };
}

export const COMMAND_CONNECTIONS = 32;
const MUNICIPALITY = '101';

/**
 * HTTP command throughput: 32 connections record support contact attempts (one event, appended with the course
 * stream's expected version) spread over many citizens, so streams rarely conflict. Only 2xx counts as done; a
 * 409 (a concurrent write to one stream) or any other status is reported apart.
 */
export const httpCommands: BenchSection = async (ctx) =>
  withService(ctx, 'HTTP commands', {}, async (api, worker) => {
    const principals = new BenchPrincipals(ctx.databaseUrl);
    try {
      const authority = await principals.keyFor(municipalUnit('social-authority', MUNICIPALITY));
      const courses = await prepareCourses(ctx, api.url, authority, ctx.quick ? 64 : 512);
      const seconds = ctx.quick ? 2 : 20;
      ctx.log(`http commands: warm-up, then ${seconds} s at ${COMMAND_CONNECTIONS} connections`);
      await load(api.url, authority, courses, ctx.quick ? 1 : 3);
      const cpuBefore = await cpuReading(ctx.databaseUrl, api.pid, worker.pid);
      const outcome = await load(api.url, authority, courses, seconds);
      const cpuAfter = await cpuReading(ctx.databaseUrl, api.pid, worker.pid);
      return commandRows({ ...outcome, cpuSeconds: cpuUsed(cpuBefore, cpuAfter) }, courses.length);
    } finally {
      await principals.close();
    }
  });

interface CpuReading {
  api: number | null;
  worker: number | null;
  database: Map<number, number> | null;
}

async function cpuReading(databaseUrl: string, apiPid: number, workerPid: number): Promise<CpuReading> {
  return {
    api: await processCpuSeconds(apiPid),
    worker: await processCpuSeconds(workerPid),
    database: await databaseBackendsCpuSeconds(databaseUrl),
  };
}

function cpuUsed(before: CpuReading, after: CpuReading): NonNullable<LoadOutcome['cpuSeconds']> {
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    api: delta(before.api, after.api),
    worker: delta(before.worker, after.worker),
    database: before.database && after.database ? backendsCpuDelta(before.database, after.database) : null,
  };
}

interface Course {
  citizenId: string;
  supportId: string;
}

/** Citizens of their own with a CTI course each, made over HTTP like a caseworker would. */
async function prepareCourses(
  ctx: BenchContext,
  baseUrl: string,
  authority: string,
  citizens: number,
): Promise<Course[]> {
  ctx.log(`http commands: registering ${citizens} citizens with a support course`);
  const provider = `bench-support-provider-${MUNICIPALITY}`;
  return inBatches(citizens, 8, async (i: number) => {
    const { citizenId } = await expectOk<{ citizenId: string }>(baseUrl, authority, 'POST', '/citizens', {
      alias: `Bench ${i}`,
      handlekommune: MUNICIPALITY,
    });
    const { supportId } = await expectOk<{ supportId: string }>(
      baseUrl,
      authority,
      'POST',
      `/citizens/${citizenId}/support/courses`,
      { method: 'cti', providerUnitId: provider },
    );
    return { citizenId, supportId } satisfies Course;
  });
}

async function load(
  baseUrl: string,
  apiKey: string,
  courses: Course[],
  seconds: number,
): Promise<LoadOutcome> {
  let next = 0;
  const body = JSON.stringify({ channel: 'home-visit', outcome: 'not-reached' });
  const result = await autocannon({
    url: baseUrl,
    connections: COMMAND_CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        // Each request goes to the next course in turn: 32 in flight over hundreds of streams.
        setupRequest: (request) => {
          const course = courses[next++ % courses.length]!;
          return {
            ...request,
            path: `/citizens/${course.citizenId}/support/courses/${course.supportId}/contact-attempts`,
            body,
          };
        },
      },
    ],
  });
  const statusCounts: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCounts[status] = stat.count ?? 0;
  return {
    durationSeconds: result.duration,
    ok: result['2xx'],
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
}

/** The results-table rows of one load run. */
export function commandRows(outcome: LoadOutcome, streams: number): BenchRow[] {
  const failed = Object.entries(outcome.statusCounts)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, n]) => `${n} x ${status}`);
  if (outcome.errors > 0) failed.push(`${outcome.errors} connection errors (${outcome.timeouts} timeouts)`);
  const rate = outcome.ok / outcome.durationSeconds;
  return [
    {
      section: 'http',
      metric: `command, 1 event with version check, ${COMMAND_CONNECTIONS} connections`,
      value: `${count(rate)} req/s (2xx only)`,
      baseline: `${STORE_BASELINE} (append section of this run)`,
      target: '>= 0.5 x store append rate',
      verdict: 'n/a',
      note: note(
        `POST support contact attempt over ${streams} course streams for ${Math.round(outcome.durationSeconds)} s`,
        `${count(outcome.ok)} x 2xx`,
        failed.length > 0 ? `not counted: ${failed.join(', ')}` : 'no non-2xx',
        'ratio = value / store rate (withStoreRatio fills it)',
      ),
    },
    {
      section: 'http',
      metric: `command latency, ${COMMAND_CONNECTIONS} connections`,
      value: `p50 ${ms(outcome.latencyP50)} / p99 ${ms(outcome.latencyP99)}`,
      target: 'p99 < 50 ms',
      verdict: verdictBelow(outcome.latencyP99, 50),
      note: 'autocannon latency of every response (non-2xx included)',
    },
    ...cpuRows(outcome),
  ];
}

/**
 * Where the machine's CPU went per command during the measured load: the API, the worker (which projects every
 * new event and runs the alert engine over it) and the database backends. Their sum bounds the command rate the
 * machine's cores can carry, whatever the client does.
 */
function cpuRows(outcome: LoadOutcome): BenchRow[] {
  const cpu = outcome.cpuSeconds;
  if (!cpu || outcome.ok === 0) return [];
  const perCommand = (seconds: number | null) =>
    seconds === null ? 'n/a' : `${((seconds * 1000) / outcome.ok).toFixed(2)} ms`;
  const known = [cpu.api, cpu.worker, cpu.database].filter((s): s is number => s !== null);
  const total = known.reduce((a, b) => a + b, 0);
  return [
    {
      section: 'http',
      metric: `CPU per command during the load (api / worker / PostgreSQL backends)`,
      value: `${perCommand(cpu.api)} / ${perCommand(cpu.worker)} / ${perCommand(cpu.database)}`,
      verdict: 'n/a',
      note: note(
        `sum ${perCommand(total)} CPU per command`,
        `${Math.round((total / outcome.durationSeconds) * 100)} % of one core on average`,
        'from /proc utime+stime; autocannon (in the bench process) not counted',
      ),
    },
  ];
}
