import type { BenchRow } from '../../../lib/types';
import { count } from './format';

/** The HTTP command row names this baseline; the orchestrator's append section measures it. */
export const STORE_BASELINE = 'store append, single event, 8 writers';

/** The leading figure of a value such as "2,071 events/s; p50 3.41 ms" or "94 req/s (2xx only)". */
export function leadingRate(value: string): number | undefined {
  const match = /^\s*([\d,]+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/**
 * Fills the HTTP command row's ratio from the store-level single-event 8-writer append rate of the same run, once
 * all rows are in (the orchestrator calls it on the whole table; the sections cannot see the append section).
 * Rows without both figures are left as they are.
 */
export function withStoreRatio(rows: readonly BenchRow[]): BenchRow[] {
  const store = rows.find(
    (r) =>
      r.section.startsWith('append') &&
      /single event/.test(r.metric) &&
      /8 writers/.test(r.metric) &&
      leadingRate(r.value) !== undefined,
  );
  const storeRate = store ? leadingRate(store.value) : undefined;
  return rows.map((row) => {
    if (!storeRate || !row.baseline?.startsWith(STORE_BASELINE)) return row;
    const rate = leadingRate(row.value);
    if (rate === undefined) return row;
    const ratio = rate / storeRate;
    return {
      ...row,
      baseline: `${STORE_BASELINE}: ${count(storeRate)} events/s`,
      ratio: ratio.toFixed(2),
      verdict: ratio >= 0.5 ? 'met' : 'missed',
    };
  });
}
