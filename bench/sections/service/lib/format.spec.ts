import { count, failureNote, latencyValue, mebibytes, ms, note, verdictBelow } from './format';
import { memoryRow } from './with-service';

describe('result formatting', () => {
  it('writes figures the way the table shows them', () => {
    expect(count(2310.4)).toBe('2,310');
    expect(ms(0.94)).toBe('0.9 ms');
    expect(ms(12.6)).toBe('13 ms');
    expect(mebibytes(150 * 1024 * 1024)).toBe('150 MiB');
    expect(latencyValue({ count: 3, p50: 0.9, p95: 2, p99: 3.14, max: 4, mean: 1 })).toBe(
      'p50 0.9 ms / p99 3.1 ms',
    );
    expect(latencyValue({ count: 3, p50: 420, p95: 880, p99: 990, max: 1200, mean: 500 }, [50, 95])).toBe(
      'p50 420 ms / p95 880 ms',
    );
  });

  it('judges a "below" target strictly, and says n/a when nothing was measured', () => {
    expect(verdictBelow(19.9, 20)).toBe('met');
    expect(verdictBelow(20, 20)).toBe('missed');
    expect(verdictBelow(undefined, 20)).toBe('n/a');
    expect(verdictBelow(Number.NaN, 20)).toBe('n/a');
  });

  it('lists failures by status in a stable order, and nothing when there were none', () => {
    expect(failureNote(new Map())).toBeUndefined();
    expect(
      failureNote(
        new Map([
          ['500', 1],
          ['409', 3],
        ]),
      ),
    ).toBe('3 x 409, 1 x 500');
    expect(note('a', undefined, false, '', 'b')).toBe('a; b');
    expect(note(undefined)).toBeUndefined();
  });

  it('reports a process peak RSS, and n/a when /proc could not be read', () => {
    const mib = 1024 * 1024;
    expect(
      memoryRow(
        { role: 'api', pid: 1 },
        'queries @ 1M',
        { peakRssBytes: 300 * mib, rssBytes: 250 * mib },
        80 * mib,
      ),
    ).toEqual({
      section: 'memory',
      metric: 'api process, peak RSS during queries @ 1M',
      value: '300 MiB',
      verdict: 'n/a',
      note: 'RSS at end 250 MiB; V8 heap used at end 80 MiB',
    });
    expect(memoryRow({ role: 'worker', pid: 1 }, 'x', null)).toMatchObject({
      value: 'n/a',
      note: 'no /proc on this system',
    });
  });
});
