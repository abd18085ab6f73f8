import type { BenchRow } from '../../../lib/types';
import type { LatencySummary } from './latency';

/** Figures for the results table: thousands separated, milliseconds with one decimal below 10 ms. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function mebibytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/** e.g. "p50 0.9 ms / p99 3.1 ms" */
export function latencyValue(summary: LatencySummary, shares: readonly (50 | 95 | 99)[] = [50, 99]): string {
  return shares.map((share) => `p${share} ${ms(summary[`p${share}`])}`).join(' / ');
}

/** A latency target "below limit": met, missed, or n/a when nothing was measured. */
export function verdictBelow(value: number | undefined, limitMs: number): NonNullable<BenchRow['verdict']> {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value < limitMs ? 'met' : 'missed';
}

/** "3 x 409, 1 x 500" for failures by status, or undefined when there were none. */
export function failureNote(failures: ReadonlyMap<string, number>): string | undefined {
  if (failures.size === 0) return undefined;
  return [...failures.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} x ${status}`)
    .join(', ');
}

/** Joins the parts of a note that are present. */
export function note(...parts: (string | undefined | false)[]): string | undefined {
  const present = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return present.length === 0 ? undefined : present.join('; ');
}
