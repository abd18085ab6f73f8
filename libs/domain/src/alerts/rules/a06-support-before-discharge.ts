import { addWorkingDaysToDate, copenhagenDate, copenhagenInstant } from '../../calendar';
import { supportCourses, type AlertFacts } from '../facts';
import { AlertRule, cite, DAY_MS, latest, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A6;

/** A §85a course (CTI, ICM, ACT, M-ACT) that is decided, running or paused. */
function section85aCourse(facts: AlertFacts) {
  return supportCourses(facts, ['decided', 'active', 'paused']).find((course) =>
    T.methods.includes(course.method),
  );
}

/**
 * A6 Support before discharge (serviceloven §176a): the state refunds §85a support for up to 2 years only when
 * the §85a decision is made BEFORE the §110 shelter discharge. Raised when the handlekommune decides the
 * discharge (MunicipalDischargeDecided) of the citizen's open stay and no §85a course (CTI, ICM, ACT, M-ACT) is
 * decided, running or paused; a §85 course does not count. To the social authority of the deciding municipality.
 *
 * The discharge decision carries no planned discharge date, so the discharge is assumed to follow within 3
 * working days (thresholds.ts) and the alert is due then; at that time a still open alert escalates to `high`. A
 * discharge recorded while the alert is open escalates it to `critical` at once (the refund is lost). Resolved by
 * a §85a SupportDecided.
 */
export const a06SupportBeforeDischarge: AlertRule = {
  id: 'A6',
  triggers: ['MunicipalDischargeDecided'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'MunicipalDischargeDecided' || facts.died) return null;
    const d = event.data;
    if (facts.shelterStay?.stayId !== d.stayId) return null; // the stay is over: nothing is pending any more
    if (section85aCourse(facts) !== undefined) return null;
    const decidedOn = copenhagenDate(d.occurredAt);
    const dischargeOn = addWorkingDaysToDate(decidedOn, T.assumedDischargeWorkingDays);
    const dischargeAt = copenhagenInstant(dischargeOn, ALERT_THRESHOLDS.workdayStart).toISOString();
    return {
      subjectId: d.stayId,
      refs: { shelterId: facts.shelterStay.shelterId },
      category: 'shelter',
      recipients: socialAuthority(facts, d.handlekommune),
      severity: 'warning',
      dueAt: latest(dischargeAt, now.toISOString()),
      reason: {
        code: 'discharge-without-85a-decision',
        text: `§110 discharge decided on ${decidedOn} with no §85a support decided; the §176a refund requires the decision before the discharge (expected by ${dischargeOn}).`,
        factEventIds: cite(trigger.eventId, facts.shelterStay.eventId),
      },
      escalation: [
        {
          at: dischargeAt,
          when: 'unresolved',
          severity: 'high',
          addRecipients: [],
          reason: 'discharge-date-reached',
        },
      ],
      expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['SupportDecided'],
  resolves: (_alert, { event }) => event.type === 'SupportDecided' && T.methods.includes(event.data.method),

  escalate: {
    on: ['ShelterDischargeRecorded'],
    escalation: (alert, { event }) =>
      event.type === 'ShelterDischargeRecorded' && event.data.stayId === alert.subjectId
        ? { reason: 'discharged-without-85a-decision', severity: 'critical', addRecipients: [] }
        : null,
  },
};
