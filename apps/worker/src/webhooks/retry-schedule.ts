/**
 * When a failed delivery is tried again. Pure, so the schedule, the jitter and Retry-After are tested without time.
 */
export interface RetryPolicy {
  /** delay before retry n (n = 1..length), in seconds; after the last one the delivery is dead */
  scheduleSeconds: readonly number[];
  /** ± fraction applied to each delay */
  jitter: number;
  /** the most a receiver's Retry-After may postpone a retry, in seconds */
  retryAfterCapSeconds: number;
}

export type RetryDecision = { kind: 'retry'; at: Date } | { kind: 'dead' };

/**
 * After the `attempts`-th failed attempt: the next attempt's time, or dead when the schedule is used up. The delay
 * is the schedule's, varied by ± jitter (`random` in [0, 1)), and never shorter than the receiver's Retry-After
 * (capped), since sending earlier than it asked would only fail again.
 */
export function nextAttempt(
  policy: RetryPolicy,
  attempts: number,
  now: Date,
  retryAfterSeconds: number | null,
  random: () => number = Math.random,
): RetryDecision {
  const base = policy.scheduleSeconds[attempts - 1];
  if (base === undefined) return { kind: 'dead' };
  const jittered = base * (1 + policy.jitter * (2 * random() - 1));
  const asked = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds, policy.retryAfterCapSeconds);
  return { kind: 'retry', at: new Date(now.getTime() + Math.round(Math.max(jittered, asked) * 1000)) };
}

/**
 * A Retry-After header in seconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Anything else,
 * and a date in the past, is null (ignored).
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  const seconds = Math.ceil((at - now.getTime()) / 1000);
  return seconds > 0 ? seconds : null;
}
