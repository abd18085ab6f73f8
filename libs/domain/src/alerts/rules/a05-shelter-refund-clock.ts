import { addDays, copenhagenDate, copenhagenInstant, daysBetween } from '../../calendar';
import type { AlertFacts } from '../facts';
import { AlertRule, cite, DAY_MS, latest, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS, shelterRefundLimitOn } from '../thresholds';

const T = ALERT_THRESHOLDS.A5;

type Nights = { from: string; to: string };

/**
 * Shelter nights of the citizen in the rolling year that ends (exclusively) on `on`, if the open stay that began
 * on `admittedOn` is still open then. Overlapping stays count a night once.
 */
export function shelterNightsInWindow(past: readonly Nights[], admittedOn: string, on: string): number {
  const windowStart = addDays(on, -T.windowDays);
  const intervals = [...past, { from: admittedOn, to: on }]
    .map((i) => ({ from: i.from > windowStart ? i.from : windowStart, to: i.to < on ? i.to : on }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  let nights = 0;
  let countedUntil = windowStart;
  for (const { from, to } of intervals) {
    const start = from > countedUntil ? from : countedUntil;
    if (to > start) {
      nights += daysBetween(start, to);
      countedUntil = to;
    }
  }
  return nights;
}

/**
 * The first date (YYYY-MM-DD) on whose morning the open stay has used `nights` nights of the rolling year, or null
 * if that does not happen within a year of the admission (earlier stays drop out of the window as it rolls).
 */
function dateReaching(facts: AlertFacts, admittedOn: string, nights: number): string | null {
  const past = (facts.pastShelterStays ?? []).map((s) => ({ from: s.admittedOn, to: s.dischargedOn }));
  for (let offset = 0; offset <= T.windowDays + 1; offset++) {
    const on = addDays(admittedOn, offset);
    if (shelterNightsInWindow(past, admittedOn, on) >= nights) return on;
  }
  return null;
}

/**
 * A5 Shelter refund clock (serviceloven §110 refusion): the state refunds a municipality's shelter costs for a
 * limited number of days per rolling year, 120 days, 90 days for stays admitted from 1 April 2026 (the table with
 * its effective dates is `SHELTER_REFUND_LIMITS` in thresholds.ts; the limit is chosen by the admission date).
 * Days are nights, counted as the shelter-stays read model counts them: every stay of the citizen in the year
 * before, overlapping stays once.
 *
 * At the admission the rule works out the date the stay reaches the limit minus 30 days and defers to it (a
 * durable timer); then, if the same stay is still open, it raises a `warning` to the social authority of the
 * stay's handlekommune, due at the date the limit is reached, when a still open alert escalates to `high`. A stay
 * that is already that far on admission (earlier stays) raises at once. Resolved by the stay's discharge.
 */
export const a05ShelterRefundClock: AlertRule = {
  id: 'A5',
  triggers: ['ShelterAdmissionRecorded'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'ShelterAdmissionRecorded' || facts.died) return null;
    const d = event.data;
    // Re-evaluated by a timer: the stay must still be the open one.
    if (facts.shelterStay?.stayId !== d.stayId) return null;
    const admittedOn = copenhagenDate(d.occurredAt);
    const limit = shelterRefundLimitOn(admittedOn, T.limits);
    const warnOn = dateReaching(facts, admittedOn, Math.max(0, limit.days - T.warnDaysBeforeLimit));
    const limitOn = dateReaching(facts, admittedOn, limit.days);
    if (warnOn === null || limitOn === null) return null;
    const warnAt = copenhagenInstant(warnOn, ALERT_THRESHOLDS.workdayStart).toISOString();
    if (Date.parse(warnAt) > now.getTime()) return { deferUntil: warnAt };
    const limitAt = copenhagenInstant(limitOn, ALERT_THRESHOLDS.workdayStart).toISOString();
    const recipients = socialAuthority(facts, d.handlekommune);
    const reached = Date.parse(limitAt) <= now.getTime();
    return {
      subjectId: d.stayId,
      refs: { shelterId: d.shelterId, limitDate: limitOn, limitDays: String(limit.days) },
      category: 'shelter',
      recipients,
      severity: reached ? 'high' : 'warning',
      dueAt: latest(limitAt, now.toISOString()),
      reason: {
        code: 'shelter-refund-limit-approaching',
        text: `§110 stay admitted on ${admittedOn} reaches the refund limit of ${limit.days} days per rolling year on ${limitOn}.`,
        factEventIds: cite(trigger.eventId, facts.handlekommuneEventId),
      },
      escalation: reached
        ? []
        : [
            {
              at: limitAt,
              when: 'unresolved',
              severity: 'high',
              addRecipients: [],
              reason: 'shelter-refund-limit-reached',
            },
          ],
      expiresAt: plusMs(limitAt, T.expiresAfterDaysPastLimit * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['ShelterDischargeRecorded'],
  resolves: (alert, { event }) =>
    event.type === 'ShelterDischargeRecorded' && event.data.stayId === alert.subjectId,
};
