import type { UnitType } from '@hf/domain/alerts/alert';
import type { BenchContext, BenchRow, BenchSection, SampleCitizen } from '../../lib/types';
import { failureNote, latencyValue, note, verdictBelow } from './lib/format';
import { call } from './lib/http';
import { LatencyRecorder } from './lib/latency';
import { BenchPrincipals, municipalUnit } from './lib/principals';
import { withService } from './lib/with-service';

interface Query {
  name: string;
  /** the unit type that reads it: one of the citizen's handlekommune, so the access policy lets it see them */
  reader: UnitType;
  path: (citizen: SampleCitizen) => string;
  /** the target for p99, where it sets one */
  p99TargetMs?: number;
}

export const QUERIES: readonly Query[] = [
  {
    name: 'timeline',
    reader: 'social-authority',
    path: (c) => `/citizens/${c.citizenId}/timeline`,
    p99TargetMs: 20,
  },
  {
    // The first page of the unit's inbox, most urgent first: every citizen on it is audit-logged.
    name: 'alert inbox',
    reader: 'social-authority',
    path: (c) => `/alerts?unitType=social-authority&municipality=${c.handlekommune}`,
  },
  { name: 'sanction risk', reader: 'jobcentre', path: (c) => `/citizens/${c.citizenId}/sanction-risk` },
];

/**
 * Query latency over HTTP, one request at a time (a caseworker's wait, not a throughput figure), cycling over the
 * generator's sample citizens as a unit of each citizen's handlekommune. Every read writes its audit row, as in
 * production. Failed reads are counted apart and kept out of the percentiles.
 */
export const queryLatency: BenchSection = async (ctx) =>
  withService(ctx, 'queries', {}, async (api) => {
    if (ctx.sampleCitizens.length === 0) throw new Error('queries need sample citizens');
    const principals = new BenchPrincipals(ctx.databaseUrl);
    try {
      const rows: BenchRow[] = [];
      for (const query of QUERIES) {
        const requests = ctx.quick ? 100 : 2000;
        ctx.log(`queries: ${query.name}, ${requests} sequential requests`);
        const recorder = await measure(ctx, api.url, principals, query, ctx.quick ? 10 : 100, requests);
        rows.push(queryRow(ctx, query, recorder));
      }
      return rows;
    } finally {
      await principals.close();
    }
  });

async function measure(
  ctx: BenchContext,
  baseUrl: string,
  principals: BenchPrincipals,
  query: Query,
  warmUp: number,
  requests: number,
): Promise<LatencyRecorder> {
  const recorder = new LatencyRecorder();
  for (let i = 0; i < warmUp + requests; i++) {
    const citizen = ctx.sampleCitizens[i % ctx.sampleCitizens.length]!;
    const key = await principals.keyFor(municipalUnit(query.reader, citizen.handlekommune));
    const answer = await call(baseUrl, key, 'GET', query.path(citizen));
    if (i < warmUp) continue;
    if (answer.status === 200) recorder.add(answer.ms);
    else recorder.fail(answer.status);
  }
  return recorder;
}

export function queryRow(
  ctx: Pick<BenchContext, 'sizeLabel' | 'events'>,
  query: Query,
  recorder: LatencyRecorder,
): BenchRow {
  const summary = recorder.summary();
  const failures = failureNote(recorder.failures);
  return {
    section: `queries @ ${ctx.sizeLabel}`,
    metric: `${query.name} (GET, sequential, as ${query.reader})`,
    value: summary ? latencyValue(summary) : 'no successful request',
    ...(query.p99TargetMs !== undefined
      ? {
          target: `p99 < ${query.p99TargetMs} ms${ctx.sizeLabel === '5M' ? '' : ' (at 5M events)'}`,
          verdict: verdictBelow(summary?.p99, query.p99TargetMs),
        }
      : { verdict: 'n/a' as const }),
    note: note(
      `${recorder.samples.length} x 200 at ${ctx.events.toLocaleString('en-US')} events`,
      failures && `not counted: ${failures}`,
    ),
  };
}
