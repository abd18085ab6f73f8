import { Cursor, EventStore, PendingEvents } from './port';

/** What the generic count reads at most: enough to tell "a few behind" from "far behind" without a long scan. */
export const GENERIC_PENDING_CAP = 1_000;

/**
 * How many events follow `cursor`. Uses the store's own `pendingAfter` when it has one (the PostgreSQL adapter
 * counts with one bounded query); otherwise pages through readAll, reading at most `min(cap, GENERIC_PENDING_CAP)`
 * events, so a count of exactly that cap means "at least that many".
 */
export async function pendingAfter(store: EventStore, cursor: Cursor, cap: number): Promise<PendingEvents> {
  if (store.pendingAfter) return store.pendingAfter(cursor, cap);
  const limit = Math.min(cap, GENERIC_PENDING_CAP);
  let count = 0;
  let oldestRecordedAt: Date | null = null;
  let at = cursor;
  while (count < limit) {
    const page = await store.readAll(at, Math.min(200, limit - count));
    if (page.events.length === 0) break;
    oldestRecordedAt ??= page.events[0].recordedAt;
    count += page.events.length;
    at = page.cursor;
  }
  return { count, oldestRecordedAt };
}
