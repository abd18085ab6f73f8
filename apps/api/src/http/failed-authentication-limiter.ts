/**
 * The rate limit counts per credential, which a caller inventing a new token for every request would escape.
 * Those requests all fail authentication, so failures are counted per client address as well: past the limit an
 * address gets 429 without the credential even being looked at (no database work for a flood of made-up keys).
 * In memory per process, a fixed one-minute window.
 */
export class FailedAuthenticationLimiter {
  private windowStart = 0;
  private failures = new Map<string, number>();

  constructor(
    private readonly maxPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** seconds until the address may try again, or 0 when it may try now */
  retryAfter(address: string): number {
    this.roll();
    if (this.maxPerMinute === 0 || (this.failures.get(address) ?? 0) < this.maxPerMinute) return 0;
    return Math.max(1, Math.ceil((this.windowStart + 60_000 - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    this.roll();
    this.failures.set(address, (this.failures.get(address) ?? 0) + 1);
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.failures = new Map();
    }
  }
}
