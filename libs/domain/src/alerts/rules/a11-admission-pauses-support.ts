import { addWorkingDays } from '../../calendar';
import { supportCourses } from '../facts';
import { AlertRule, cite, DAY_MS, plusMs, supportProviders } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A11;

/**
 * A11 Admission pauses support (002:L636-640, L806-830): a psychiatric or hospital admission, or a prison intake, of
 * a citizen with running support. To each support provider unit (the named support worker when assigned), so the
 * team keeps contact while the course is paused. Health data reaches the provider under retssikkerhedsloven §12 c
 * (chapter 16 support); a prison intake under retsplejeloven §115.
 *
 * The facts are those before the pauses the admission causes (the API records the pauses after the admission), so
 * "running" means started and not paused or ended. Informational (`info`), no escalation. Resolved when a recipient
 * acknowledges the institution's notice (the fact this alert waits for), or when the stay ends.
 */
export const a11AdmissionPausesSupport: AlertRule = {
  id: 'A11',
  triggers: ['HospitalAdmissionRecorded', 'PrisonIntakeRecorded'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'HospitalAdmissionRecorded' && event.type !== 'PrisonIntakeRecorded') return null;
    const courses = supportCourses(facts, ['active']);
    if (courses.length === 0) return null;
    const hospital = event.type === 'HospitalAdmissionRecorded' ? event.data : null;
    const subjectId = hospital
      ? hospital.admissionId
      : event.type === 'PrisonIntakeRecorded'
        ? event.data.stayId
        : '';
    const what = hospital
      ? `${hospital.kind === 'psychiatric' ? 'Psychiatric' : 'Hospital'} admission (${hospital.medcomCode})`
      : 'Prison intake';
    return {
      subjectId,
      refs: {},
      category: hospital ? 'health' : 'justice',
      recipients: supportProviders(facts, courses),
      severity: 'info',
      dueAt: addWorkingDays(now, T.dueWorkingDays).toISOString(),
      reason: {
        code: hospital ? 'admission-with-running-support' : 'prison-intake-with-running-support',
        text: `${what} of a citizen with running support (${courses.map((c) => c.method).join(', ')}): the support is paused, not ended; keep contact.`,
        factEventIds: cite(trigger.eventId, ...courses.map((c) => c.eventId)),
      },
      escalation: [],
      expiresAt: plusMs(event.data.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: [
    'HospitalNoticeAcknowledged',
    'PrisonNoticeAcknowledged',
    'DischargedFromHospital',
    'DiedInHospital',
    'HospitalNoticeCancelled',
    'ReleasedFromPrison',
  ],
  resolves: (alert, { event }) => {
    switch (event.type) {
      case 'HospitalNoticeAcknowledged':
      case 'PrisonNoticeAcknowledged':
        return event.data.noticeId === alert.subjectId;
      case 'DischargedFromHospital':
      case 'DiedInHospital':
        return event.data.admissionId === alert.subjectId;
      // A retracted admission (MedCom AN_STIN/AN_STAA) did not happen: nothing is paused, nothing to keep up.
      case 'HospitalNoticeCancelled':
        return (
          (event.data.cancelledCode === 'STIN' || event.data.cancelledCode === 'STAA') &&
          event.data.admissionId === alert.subjectId
        );
      case 'ReleasedFromPrison':
        return event.data.stayId === alert.subjectId;
      default:
        return false;
    }
  },
};
