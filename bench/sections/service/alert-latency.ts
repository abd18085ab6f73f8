import { Pool } from 'pg';
import type { BenchRow, BenchSection } from '../../lib/types';
import { latencyValue, note, verdictBelow } from './lib/format';
import { waitUntilCaughtUp } from './lib/caught-up';
import { call, expectOk } from './lib/http';
import { LatencyRecorder, percentile } from './lib/latency';
import { BenchPrincipals, municipalUnit, regionalUnit } from './lib/principals';
import { sleep } from './lib/service-process';
import { WebhookReceiver } from './lib/webhook-receiver';
import { withService } from './lib/with-service';

const MUNICIPALITY = '101';
/** how long one alert may take before it counts as lost rather than slow */
const DELIVERY_TIMEOUT_MS = 30_000;
/**
 * The worker's idle poll (PROJECTION_POLL_MS, the service's default unless BENCH_ALERT_POLL_MS says otherwise): each
 * stage between the append and the receiver waits up to this when idle.
 */
export const POLL_MS = Number(process.env.BENCH_ALERT_POLL_MS || 200);

/**
 * End-to-end alert latency: a psychiatric discharge planned for tomorrow, for a citizen with no home, to a named
 * §110 shelter raises A1 addressed to that shelter. The clock runs from the moment the plan's POST is sent to the
 * moment a local receiver has verified the signed webhook (standardwebhooks). One alert at a time, so the figure is
 * the pipeline's latency, not a queue's: append -> alert engine -> AlertRaised -> notification items + outbox (once
 * the timeline holds the cited facts) -> dispatcher -> receiver.
 */
export const alertLatency: BenchSection = async (ctx) =>
  withService(ctx, 'alert -> webhook', { env: { PROJECTION_POLL_MS: String(POLL_MS) } }, async (api) => {
    const principals = new BenchPrincipals(ctx.databaseUrl);
    const receiver = new WebhookReceiver();
    await receiver.start();
    try {
      const shelterUnit = municipalUnit('shelter', MUNICIPALITY);
      const [authority, psychiatry, shelter] = await Promise.all([
        principals.keyFor(municipalUnit('social-authority', MUNICIPALITY)),
        principals.keyFor(regionalUnit('psychiatry', 'region-hovedstaden')),
        principals.keyFor(shelterUnit),
      ]);
      const subscription = await expectOk<{ subscriptionId: string; secret: string }>(
        api.url,
        shelter,
        'POST',
        '/webhook-subscriptions',
        {
          url: receiver.url,
          alertRules: ['A1'],
        },
      );
      receiver.trust(subscription.secret);
      // Earlier sections' writes are worked off first: an alert must not queue behind them.
      await waitUntilCaughtUp(ctx.databaseUrl);

      const alerts = ctx.quick ? 5 : 150;
      ctx.log(`alert latency: ${alerts} discharges into homelessness, one at a time`);
      const recorder = new LatencyRecorder();
      const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
      for (let i = 0; i < alerts; i++) {
        const { citizenId } = await expectOk<{ citizenId: string }>(api.url, authority, 'POST', '/citizens', {
          alias: `Bench alert ${i}`,
          handlekommune: MUNICIPALITY,
        });
        const { admissionId } = await expectOk<{ admissionId: string }>(
          api.url,
          psychiatry,
          'POST',
          `/citizens/${citizenId}/institution/hospital-admissions`,
          { kind: 'psychiatric', hospitalName: 'Psykiatrisk Center (benchmark)' },
        );
        const started = process.hrtime.bigint();
        const planned = await call(
          api.url,
          psychiatry,
          'POST',
          `/citizens/${citizenId}/institution/hospital-admissions/${admissionId}/discharge-planned`,
          {
            expectedDate: tomorrow,
            destination: shelterUnit.id,
            housingStatus: 'no-home',
            medicationNeeds: 'none',
          },
        );
        if (planned.status !== 201) {
          recorder.fail(planned.status);
          continue;
        }
        try {
          const delivery = await receiver.next(
            (d) => d.subject === citizenId && d.type === 'dk.housingfirst.alert.raised' && d.ruleId === 'A1',
            DELIVERY_TIMEOUT_MS,
          );
          recorder.add(Number(delivery.verifiedAt - started) / 1e6);
        } catch {
          recorder.fail('no delivery in 30 s');
        }
        // A pause of a random part of a poll interval, so the appends do not fall in step with the worker's polls.
        await sleep(Math.random() * POLL_MS);
      }
      return [
        alertRow(recorder, { rejected: receiver.rejected, duplicates: receiver.duplicates }),
        stageRow(await pipelineStages(ctx.databaseUrl, subscription.subscriptionId)),
      ];
    } finally {
      await receiver.stop();
      await principals.close();
    }
  });

/** When each stage of one alert's pipeline finished, by the database server's clock. */
export interface AlertStages {
  appended: Date;
  raised: Date;
  queued: Date;
  delivered: Date | null;
}

/**
 * Where the time of each delivered A1 went, from the server's own timestamps: the plan's recorded_at, the
 * AlertRaised event's recorded_at, the outbox row's created_at and the delivery's delivered_at.
 */
async function pipelineStages(databaseUrl: string, subscriptionId: string): Promise<AlertStages[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<AlertStages>(
      `SELECT plan.recorded_at AS appended, raised.recorded_at AS raised, d.created_at AS queued, d.delivered_at AS delivered
         FROM webhook_deliveries d
         JOIN notification_items n ON n.item_id = d.item_id
         JOIN events raised ON raised.event_id = n.event_id
         JOIN events plan ON plan.event_id = (raised.data->>'triggeringEventId')::uuid
        WHERE d.subscription_id = $1 AND n.type = 'AlertRaised' AND n.rule_id = 'A1'`,
      [subscriptionId],
    );
    return rows;
  } finally {
    await pool.end();
  }
}

/** The median of each stage: which poll the end-to-end figure waits on. */
export function stageRow(stages: readonly AlertStages[]): BenchRow {
  const delivered = stages.filter((s): s is AlertStages & { delivered: Date } => s.delivered !== null);
  const p50 = (f: (s: AlertStages & { delivered: Date }) => number) =>
    delivered.length === 0 ? 'n/a' : `${Math.round(percentile(delivered.map(f), 50))} ms`;
  return {
    section: 'alerts',
    metric: 'where the time goes (p50 per stage, server clock)',
    value:
      `engine ${p50((s) => s.raised.getTime() - s.appended.getTime())} / ` +
      `outbox ${p50((s) => s.queued.getTime() - s.raised.getTime())} / ` +
      `dispatch ${p50((s) => s.delivered.getTime() - s.queued.getTime())}`,
    verdict: 'n/a',
    note:
      `${delivered.length} deliveries; engine = plan appended -> AlertRaised appended (alert engine poll), ` +
      'outbox = -> notification item and delivery row (notification-items poll), ' +
      'dispatch = -> receiver answered (dispatcher poll, waits for the timeline to hold the cited facts, + HTTP)',
  };
}

export function alertRow(
  recorder: LatencyRecorder,
  receiver: { rejected: number; duplicates: number },
): BenchRow {
  const summary = recorder.summary();
  const lost = [...recorder.failures.entries()].map(([why, n]) => `${n} x ${why}`);
  return {
    section: 'alerts',
    metric: 'append -> verified webhook (A1 to the named shelter), one at a time',
    value: summary ? `${latencyValue(summary, [50, 95])} / max ${Math.round(summary.max)} ms` : 'no delivery',
    target: 'p95 < 1 s',
    verdict: verdictBelow(summary?.p95, 1000),
    note: note(
      `${recorder.samples.length} alerts`,
      lost.length > 0 && `failed: ${lost.join(', ')}`,
      receiver.rejected > 0 && `${receiver.rejected} deliveries failed signature verification`,
      receiver.duplicates > 0 && `${receiver.duplicates} redeliveries`,
      `PROJECTION_POLL_MS=${POLL_MS} (alert engine, notification items, timeline and dispatcher each poll when idle)`,
    ),
  };
}
