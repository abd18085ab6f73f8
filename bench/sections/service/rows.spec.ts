import { alertRow, stageRow } from './alert-latency';
import { commandRows } from './http-commands';
import { LatencyRecorder } from './lib/latency';
import { QUERIES, queryRow } from './queries';

describe('service section rows', () => {
  it('counts only 2xx commands in the rate and lists the rest, 409 conflicts included', () => {
    const [rate, latency] = commandRows(
      {
        durationSeconds: 20,
        ok: 10_000,
        statusCounts: { '201': 10_000, '409': 12, '500': 1 },
        errors: 2,
        timeouts: 1,
        latencyP50: 8,
        latencyP99: 61,
      },
      512,
    );
    expect(rate!.value).toBe('500 req/s (2xx only)');
    expect(rate!.note).toContain('not counted: 12 x 409, 1 x 500, 2 connection errors (1 timeouts)');
    expect(rate!.target).toBe('>= 0.5 x store append rate');
    expect(latency).toMatchObject({
      value: 'p50 8.0 ms / p99 61 ms',
      target: 'p99 < 50 ms',
      verdict: 'missed',
    });
    const [clean] = commandRows(
      {
        durationSeconds: 2,
        ok: 100,
        statusCounts: { '201': 100 },
        errors: 0,
        timeouts: 0,
        latencyP50: 1,
        latencyP99: 2,
      },
      64,
    );
    expect(clean!.note).toContain('no non-2xx');
  });

  it('divides the CPU each process used by the commands done, and says what it could not read', () => {
    const rows = commandRows(
      {
        durationSeconds: 20,
        ok: 10_000,
        statusCounts: { '201': 10_000 },
        errors: 0,
        timeouts: 0,
        latencyP50: 8,
        latencyP99: 30,
        cpuSeconds: { api: 15, worker: 6, database: null },
      },
      512,
    );
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      value: '1.50 ms / 0.60 ms / n/a',
      note: expect.stringContaining('sum 2.10 ms CPU per command; 105 % of one core'),
    });
  });

  it('judges the timeline against 20 ms and leaves queries without a target unjudged', () => {
    const recorder = new LatencyRecorder();
    for (let i = 1; i <= 100; i++) recorder.add(i / 10); // 0.1..10 ms
    recorder.fail(403);
    const timeline = queryRow({ sizeLabel: '5M', events: 5_000_000 }, QUERIES[0]!, recorder);
    expect(timeline).toMatchObject({
      section: 'queries @ 5M',
      value: 'p50 5.0 ms / p99 9.9 ms',
      target: 'p99 < 20 ms',
      verdict: 'met',
    });
    expect(timeline.note).toBe('100 x 200 at 5,000,000 events; not counted: 1 x 403');
    const inbox = queryRow({ sizeLabel: '1M', events: 1_000_000 }, QUERIES[1]!, recorder);
    expect(inbox.verdict).toBe('n/a');
    expect(inbox.target).toBeUndefined();
    expect(queryRow({ sizeLabel: '1M', events: 0 }, QUERIES[0]!, new LatencyRecorder()).verdict).toBe('n/a');
  });

  it('reports alert latency at p50/p95 against 1 s, with lost alerts and bad signatures', () => {
    const recorder = new LatencyRecorder();
    for (let i = 0; i < 19; i++) recorder.add(400);
    recorder.add(1500);
    expect(alertRow(recorder, { rejected: 0, duplicates: 0 })).toMatchObject({
      value: 'p50 400 ms / p95 400 ms / max 1500 ms',
      verdict: 'met',
    });
    recorder.add(1500);
    recorder.fail('no delivery in 30 s');
    const missed = alertRow(recorder, { rejected: 2, duplicates: 0 });
    expect(missed.verdict).toBe('missed');
    expect(missed.note).toContain('failed: 1 x no delivery in 30 s');
    expect(missed.note).toContain('2 deliveries failed signature verification');
  });

  it('splits alert latency into the pipeline stages by their medians, leaving out undelivered alerts', () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 12) + ms);
    const stages = [
      { appended: at(0), raised: at(100), queued: at(300), delivered: at(350) },
      { appended: at(1000), raised: at(1200), queued: at(1300), delivered: at(1400) },
      { appended: at(2000), raised: at(2150), queued: at(2400), delivered: at(2420) },
      { appended: at(3000), raised: at(3100), queued: at(3200), delivered: null },
    ];
    const row = stageRow(stages);
    expect(row.value).toBe('engine 150 ms / outbox 200 ms / dispatch 50 ms');
    expect(row.note).toMatch(/^3 deliveries/);
    expect(stageRow([]).value).toBe('engine n/a / outbox n/a / dispatch n/a');
  });
});
