import { FailedAuthenticationLimiter } from './failed-authentication-limiter';

describe('failed-authentication limiter', () => {
  it('lets an address fail up to the limit, then holds it off until the minute is over', () => {
    let now = 1_000_000;
    const limiter = new FailedAuthenticationLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1')).toBe(0);
      limiter.recordFailure('10.0.0.1');
    }
    expect(limiter.retryAfter('10.0.0.1')).toBe(60);
    expect(limiter.retryAfter('10.0.0.2')).toBe(0);
    now += 45_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(15);
    now += 15_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
  });

  it('is off at 0', () => {
    const limiter = new FailedAuthenticationLimiter(0);
    for (let i = 0; i < 100; i++) limiter.recordFailure('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
