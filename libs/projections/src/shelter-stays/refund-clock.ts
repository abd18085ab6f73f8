import { SHELTER_REFUND_LIMITS as DOMAIN_REFUND_LIMITS } from '@hf/domain/alerts';
import { addDays, copenhagenDate, daysBetween } from '../read-model-time/read-model-time';

/**
 * The §110 refund limit (DOMAIN.md §6, alert A5): the state refunds a municipality's shelter costs for a
 * limited number of days per rolling year. Configurable data, not code: each entry applies to stays admitted on
 * or after `effectiveFrom` until the next entry. Verify the figures and their effective dates before production.
 */
export interface RefundLimit {
  /** YYYY-MM-DD: stays admitted on or after this date get this limit */
  effectiveFrom: string;
  days: number;
  /** where the figure comes from */
  source: string;
}

/** One table for the read model and alert A5; it lives in the domain, which both may import. */
export const SHELTER_REFUND_LIMITS: readonly RefundLimit[] = DOMAIN_REFUND_LIMITS;

/** The length of the rolling year the clock looks back over, in days. */
export const REFUND_WINDOW_DAYS = 365;

export interface StayDates {
  /** the Danish calendar date of the admission */
  admittedOn: string;
  /** the Danish calendar date of the discharge; null while the stay is open */
  dischargedOn: string | null;
}

export interface RefundClock {
  /** the clock is read on the stay's last day: its discharge date, or today while it is open */
  referenceDate: string;
  /** the first day of the rolling year that ends on the reference date */
  windowStart: string;
  /** shelter days (nights) of all the person's stays that fall into the rolling year */
  daysUsed: number;
  limitDays: number;
  limitEffectiveFrom: string;
  /** limit minus days used; negative once the limit is passed */
  daysLeft: number;
  exceeded: boolean;
}

/** The limit that applies to a stay admitted on `date`: the latest entry that is effective by then. */
export function refundLimitOn(
  date: string,
  limits: readonly RefundLimit[] = SHELTER_REFUND_LIMITS,
): RefundLimit {
  const applicable = [...limits]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .filter((l) => l.effectiveFrom <= date)
    .pop();
  if (!applicable) throw new Error(`no shelter refund limit is effective on ${date}`);
  return applicable;
}

/**
 * A stay's days are its nights (opholdsdøgn): the night that begins on the admission date up to the night
 * before the discharge date, so a stay from 14 January to 11 February counts 28 days and an open stay counts
 * up to last night.
 */
export function stayDays(stay: StayDates, today: string): number {
  return Math.max(0, daysBetween(stay.admittedOn, stay.dischargedOn ?? today));
}

/**
 * The refund clock of one stay: the nights of every stay of the person (this one and earlier or overlapping
 * ones, across linked records) within the rolling year that ends on the stay's reference date, against the
 * limit that applies to the stay by its admission date.
 */
export function refundClock(
  stay: StayDates,
  allStays: readonly StayDates[],
  today: string,
  limits: readonly RefundLimit[] = SHELTER_REFUND_LIMITS,
): RefundClock {
  const referenceDate = stay.dischargedOn ?? today;
  const windowStart = addDays(referenceDate, -REFUND_WINDOW_DAYS);
  // Each stay's nights [admittedOn, end) cut to the window's nights [windowStart, referenceDate), merged so that
  // overlapping stays (two linked records of one person) count a night once.
  const intervals = allStays
    .map((other) => {
      const end = other.dischargedOn ?? today;
      return {
        from: other.admittedOn > windowStart ? other.admittedOn : windowStart,
        to: end < referenceDate ? end : referenceDate,
      };
    })
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  let daysUsed = 0;
  let countedUntil = windowStart;
  for (const { from, to } of intervals) {
    const start = from > countedUntil ? from : countedUntil;
    if (to > start) {
      daysUsed += daysBetween(start, to);
      countedUntil = to;
    }
  }
  const limit = refundLimitOn(stay.admittedOn, limits);
  const daysLeft = limit.days - daysUsed;
  return {
    referenceDate,
    windowStart,
    daysUsed,
    limitDays: limit.days,
    limitEffectiveFrom: limit.effectiveFrom,
    daysLeft,
    exceeded: daysLeft < 0,
  };
}

export { copenhagenDate };
