/**
 * Latencies in milliseconds and their percentiles. Nearest-rank percentiles (the smallest sample at or above the
 * share), so a reported p99 is a latency some request really had, not an interpolation between two.
 */
export function percentile(samples: readonly number[], share: number): number {
  if (samples.length === 0) throw new Error('no samples');
  if (!(share > 0 && share <= 100)) throw new Error('share must be in (0, 100]');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((share / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    mean: samples.reduce((sum, s) => sum + s, 0) / samples.length,
  };
}

/** Collects latencies of successful calls and counts the failed ones apart, so a fast error never flatters p99. */
export class LatencyRecorder {
  readonly samples: number[] = [];
  /** failed calls by HTTP status (or `error` for a network failure) */
  readonly failures = new Map<string, number>();

  add(ms: number): void {
    this.samples.push(ms);
  }

  fail(reason: string | number): void {
    const key = String(reason);
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
  }

  get failed(): number {
    let total = 0;
    for (const count of this.failures.values()) total += count;
    return total;
  }

  summary(): LatencySummary | null {
    return this.samples.length === 0 ? null : summarise(this.samples);
  }
}

/** Milliseconds since `started` (a `process.hrtime.bigint()` reading). */
export function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}
