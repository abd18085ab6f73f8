import { addWorkingDaysToDate, copenhagenDate, endOfCopenhagenDay } from '../../calendar';
import { AlertRule, cite, DAY_MS, plusMs } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A2;

/**
 * A2 Shelter notification duty (serviceloven §110 stk. 6): the shelter must notify the handlekommune of a stay
 * within 3 working days (Danish public holidays do not count).
 *
 * Raised at the admission as an `info` to-do for the shelter, due at the end of the third working day after the
 * admission's date. If the notice is still not recorded then, a timer escalates it: a breach, `high`, and the social
 * authority of the handlekommune is told too. Resolved when HandlekommuneNotified arrives for the stay.
 *
 * An admission recorded after its deadline has passed raises the alert with the step already due, so the breach
 * follows at once.
 */
export const a02ShelterNotificationDuty: AlertRule = {
  id: 'A2',
  triggers: ['ShelterAdmissionRecorded'],

  raise(trigger, facts) {
    const { event } = trigger;
    if (event.type !== 'ShelterAdmissionRecorded') return null;
    const d = event.data;
    if (facts.shelterStay?.stayId === d.stayId && facts.shelterStay.notified) return null;
    const admittedOn = copenhagenDate(d.occurredAt);
    const lastDay = addWorkingDaysToDate(admittedOn, T.notifyWithinWorkingDays);
    const deadline = endOfCopenhagenDay(lastDay).toISOString();
    return {
      subjectId: d.stayId,
      refs: { shelterId: d.shelterId },
      category: 'shelter',
      recipients: [{ unitType: 'shelter', unitId: d.shelterId, municipality: d.municipalityOfStay }],
      severity: 'info',
      dueAt: deadline,
      reason: {
        code: 'handlekommune-notice-due',
        text: `§110 admission on ${admittedOn}: the handlekommune (${d.handlekommune}) must be notified by the end of ${lastDay} (${T.notifyWithinWorkingDays} working days).`,
        factEventIds: cite(trigger.eventId),
      },
      escalation: [
        {
          at: deadline,
          when: 'unresolved',
          severity: 'high',
          addRecipients: [{ unitType: 'social-authority', municipality: d.handlekommune }],
          reason: 'notification-deadline-breached',
        },
      ],
      expiresAt: plusMs(deadline, T.expiresAfterDaysPastDeadline * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['HandlekommuneNotified'],
  resolves: (alert, { event }) =>
    event.type === 'HandlekommuneNotified' && event.data.stayId === alert.subjectId,
};
