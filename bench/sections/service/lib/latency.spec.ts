import { LatencyRecorder, percentile, summarise } from './latency';

describe('latency percentiles', () => {
  it('takes the nearest rank: a latency some request really had', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7.5], 99)).toBe(7.5);
  });

  it('does not depend on the order samples came in, and leaves them as they were', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(percentile(samples, 95)).toBe(9);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('lets one slow request in a hundred show at p99 but not at p95', () => {
    const samples = [...Array.from({ length: 99 }, () => 2), 500];
    const summary = summarise(samples);
    expect(summary).toMatchObject({ count: 100, p50: 2, p95: 2, p99: 2, max: 500 });
    expect(summarise([...samples, 500])).toMatchObject({ p99: 500 });
    expect(summary.mean).toBeCloseTo(6.98, 5);
  });

  it('refuses to make up a figure from nothing', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow();
  });

  it('keeps failed calls out of the percentiles and counts them by status', () => {
    const recorder = new LatencyRecorder();
    expect(recorder.summary()).toBeNull();
    recorder.add(10);
    recorder.add(20);
    recorder.fail(409);
    recorder.fail(409);
    recorder.fail('error');
    expect(recorder.summary()).toMatchObject({ count: 2, p50: 10, max: 20 });
    expect(recorder.failed).toBe(3);
    expect(Object.fromEntries(recorder.failures)).toEqual({ '409': 2, error: 1 });
  });
});
