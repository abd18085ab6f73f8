import { nextAttempt, parseRetryAfter, RetryPolicy } from './retry-schedule';

const NOW = new Date('2026-03-02T10:00:00Z');
const policy: RetryPolicy = {
  scheduleSeconds: [5, 60, 300, 1800, 7200, 21600, 43200, 86400, 86400],
  jitter: 0.2,
  retryAfterCapSeconds: 3600,
};
const seconds = (d: ReturnType<typeof nextAttempt>) =>
  d.kind === 'retry' ? (d.at.getTime() - NOW.getTime()) / 1000 : d.kind;

describe('retry schedule', () => {
  it('follows the schedule without jitter at the midpoint, growing, then dead after the last retry', () => {
    const mid = () => 0.5;
    expect(policy.scheduleSeconds.map((_, i) => seconds(nextAttempt(policy, i + 1, NOW, null, mid)))).toEqual(
      [5, 60, 300, 1800, 7200, 21600, 43200, 86400, 86400],
    );
    expect(nextAttempt(policy, 10, NOW, null, mid)).toEqual({ kind: 'dead' });
  });

  it('spans about three days in all', () => {
    const total = policy.scheduleSeconds.reduce((a, b) => a + b, 0);
    expect(total / 86400).toBeGreaterThan(2.5);
    expect(total / 86400).toBeLessThan(4.5);
  });

  it('varies each delay by at most ±20 %', () => {
    expect(seconds(nextAttempt(policy, 2, NOW, null, () => 0))).toBe(48);
    expect(seconds(nextAttempt(policy, 2, NOW, null, () => 0.999999))).toBeCloseTo(72, 0);
  });

  it("waits at least as long as the receiver's Retry-After, capped", () => {
    expect(seconds(nextAttempt(policy, 1, NOW, 120, () => 0.5))).toBe(120);
    expect(seconds(nextAttempt(policy, 2, NOW, 10, () => 0.5))).toBe(60);
    expect(seconds(nextAttempt(policy, 1, NOW, 999_999, () => 0.5))).toBe(3600);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:02:00 GMT', NOW)).toBe(120);
  });

  it('ignores absent, malformed, negative and past values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('1.5', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', NOW)).toBeNull();
  });
});
