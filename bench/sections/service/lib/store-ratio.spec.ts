import type { BenchRow } from '../../../lib/types';
import { commandRows } from '../http-commands';
import { leadingRate, withStoreRatio } from './store-ratio';

const append = (value: string, metric = 'single event, exact version, 8 writers vs raw pg'): BenchRow => ({
  section: 'append (store port)',
  metric,
  value,
});
const http = (okPerSecond: number) =>
  commandRows(
    {
      durationSeconds: 10,
      ok: okPerSecond * 10,
      statusCounts: { '201': okPerSecond * 10 },
      errors: 0,
      timeouts: 0,
      latencyP50: 5,
      latencyP99: 20,
    },
    512,
  );

describe('HTTP commands against the store append rate', () => {
  it('reads the leading figure of a value', () => {
    expect(leadingRate('2,071 events/s; p50 3.41 ms / p99 10.5 ms')).toBe(2071);
    expect(leadingRate('94 req/s (2xx only)')).toBe(94);
    expect(leadingRate('p50 1 ms')).toBeUndefined();
  });

  it('fills ratio and verdict of the command row from the single-event 8-writer append row', () => {
    const rows = withStoreRatio([
      append('2,071 events/s; p50 3.41 ms', 'single event, exact version, 1 writer vs raw pg'),
      append('2,000 events/s; p50 3.41 ms / p99 10.5 ms'),
      append('18,428 events/s', '100-event batch, exact version, 8 writers vs raw pg'),
      ...http(1200),
    ]);
    const command = rows.find((r) => r.section === 'http' && r.metric.startsWith('command,'))!;
    expect(command).toMatchObject({
      baseline: 'store append, single event, 8 writers: 2,000 events/s',
      ratio: '0.60',
      verdict: 'met',
    });
    expect(withStoreRatio([append('2,000 events/s'), ...http(900)])[1]).toMatchObject({
      ratio: '0.45',
      verdict: 'missed',
    });
  });

  it('leaves the rows alone when the run had no append section', () => {
    const rows = http(1200);
    expect(withStoreRatio(rows)).toEqual(rows);
  });
});
