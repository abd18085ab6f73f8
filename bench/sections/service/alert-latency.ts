import type { BenchRow, BenchSection } from '../../lib/types';
import { latencyValue, note, verdictBelow } from './lib/format';
import { waitUntilCaughtUp } from './lib/caught-up';
import { call, expectOk } from './lib/http';
import { LatencyRecorder } from './lib/latency';
import { BenchPrincipals, municipalUnit, regionalUnit } from './lib/principals';
import { sleep } from './lib/service-process';
import { WebhookReceiver } from './lib/webhook-receiver';
import { withService } from './lib/with-service';

const MUNICIPALITY = '101';
/** how long one alert may take before it counts as lost rather than slow */
const DELIVERY_TIMEOUT_MS = 30_000;
/** the worker's idle poll: each stage between the append and the receiver waits up to this when idle */
export const POLL_MS = 200;

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
      const subscription = await expectOk<{ secret: string }>(
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
      return [alertRow(recorder, { rejected: receiver.rejected, duplicates: receiver.duplicates })];
    } finally {
      await receiver.stop();
      await principals.close();
    }
  });

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
