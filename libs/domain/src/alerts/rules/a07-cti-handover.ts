import { addMonths, copenhagenDate, copenhagenInstant } from '../../calendar';
import { supportCourses, type AlertFacts } from '../facts';
import { AlertRule, cite, DAY_MS, latest, plusMs, socialAuthority, supportProviders } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A7;

/** Another course of the citizen, decided, running or paused: support that carries on after the CTI. */
function successorCourse(facts: AlertFacts, ctiSupportId: string) {
  return supportCourses(facts, ['decided', 'active', 'paused']).find((c) => c.supportId !== ctiSupportId);
}

/**
 * A7 CTI handover: CTI is time-limited (9 months from the start of phase 1) and must hand over to successor
 * support. When a CTI course enters phase 1 (CtiPhaseAdvanced, which carries the planned end date), the rule
 * defers to the start of month 7 (phase 1 + 6 months, 08:00); then, if the course is still running or paused and
 * no successor support is planned, it raises a `warning` to the support provider (with the named support worker)
 * and the social authority, due at the planned end (9 months), when a still open alert escalates to `high`.
 *
 * "Successor support planned" is read as: any other course of the citizen decided, running or paused (a §85
 * course already running alongside carries on after the CTI too). Resolved by a SupportDecided of another course,
 * or by the CTI course ending with successor support; a course ending without one leaves the alert open.
 */
export const a07CtiHandover: AlertRule = {
  id: 'A7',
  triggers: ['CtiPhaseAdvanced'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'CtiPhaseAdvanced' || facts.died) return null;
    const d = event.data;
    if (d.phase !== 'phase-1' || d.method !== 'cti') return null;
    const course = facts.supportCourses[d.supportId];
    if (course === undefined || (course.status !== 'active' && course.status !== 'paused')) return null;
    if (successorCourse(facts, d.supportId) !== undefined) return null;
    const phase1On = copenhagenDate(d.occurredAt);
    const endOn = d.plannedEndDate ?? addMonths(phase1On, T.durationMonths);
    const raiseAt = copenhagenInstant(
      addMonths(phase1On, T.raiseAfterMonths),
      ALERT_THRESHOLDS.workdayStart,
    ).toISOString();
    if (Date.parse(raiseAt) > now.getTime()) return { deferUntil: raiseAt };
    const endAt = copenhagenInstant(endOn, ALERT_THRESHOLDS.workdayStart).toISOString();
    const ended = Date.parse(endAt) <= now.getTime();
    const courseWithId = { ...course, supportId: d.supportId };
    return {
      subjectId: d.supportId,
      refs: { plannedEndDate: endOn },
      category: 'support',
      recipients: [...supportProviders(facts, [courseWithId]), ...socialAuthority(facts)],
      severity: ended ? 'high' : 'warning',
      dueAt: latest(endAt, now.toISOString()),
      reason: {
        code: 'cti-without-successor-support',
        text: `CTI phase 1 started on ${phase1On} and the 9-month course ends on ${endOn}; no successor support is planned.`,
        factEventIds: cite(trigger.eventId, course.eventId, facts.handlekommuneEventId),
      },
      escalation: ended
        ? []
        : [
            {
              at: endAt,
              when: 'unresolved',
              severity: 'high',
              addRecipients: [],
              reason: 'cti-period-ended',
            },
          ],
      expiresAt: plusMs(endAt, T.expiresAfterDaysPastEnd * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['SupportDecided', 'SupportEnded'],
  resolves: (alert, { event }) =>
    event.type === 'SupportDecided'
      ? event.data.supportId !== alert.subjectId
      : event.type === 'SupportEnded' &&
        event.data.supportId === alert.subjectId &&
        event.data.successorSupport !== 'none',
};
