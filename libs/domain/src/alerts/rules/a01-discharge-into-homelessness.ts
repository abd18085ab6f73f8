import { copenhagenDate, copenhagenInstant } from '../../calendar';
import { DISCHARGE_DESTINATION_CODES } from '../../institution/institution';
import { raiseSeverity, type AlertRecipient, type AlertSeverity } from '../alert';
import { hasConsentFor, permanentHome, type AlertFacts, type AlertTrigger } from '../facts';
import { AlertRule, cite, DAY_MS, HOUR_MS, latest, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A1;

/**
 * A1 Discharge into homelessness (DOMAIN.md §6): a hospital or psychiatric discharge is planned or happens, or a
 * prison release happens without a scheduled release before it (A9 covers scheduled releases), for a citizen with
 * no permanent home. To the social authority of the handlekommune (the authority caseworker when assigned) and the
 * destination shelter when one is named.
 *
 * - A plan that says `own-home` is believed; `unknown` housing is treated as no home, since that is the risk.
 * - Lead time is measured from when the system learnt of the plan (recordedAt) to the discharge date at
 *   `assumedDischargeTime`: a plan made early but reported late is still short notice. Below `highLeadTimeHours`
 *   the alert is `high` (001:L4120: notice "the day before or the same day").
 * - The shelter learns of a health fact only with a basis: a psychiatric discharge plan is shared under
 *   psykiatriloven §13 c; otherwise only with the citizen's consent to health data for shelters (DOMAIN.md §3).
 * - One alert per admission (or prison stay): the discharge itself raises nothing when its plan already did.
 * - Resolved when a permanent home is moved into, or when the destination shelter acknowledges the institution's
 *   notice (the handover happened). Any other recipient acknowledging the notice counts as acknowledging the
 *   alert (it stops the "unacknowledged after N hours" step).
 */
export const a01DischargeIntoHomelessness: AlertRule = {
  id: 'A1',
  triggers: ['DischargePlanned', 'DischargedFromHospital', 'ReleasedFromPrison'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (facts.died || permanentHome(facts) !== null) return null;
    const recordedAt = trigger.recordedAt;
    switch (event.type) {
      case 'DischargePlanned': {
        const d = event.data;
        if (d.housingStatus === 'own-home' || d.destination === 'own-home') return null;
        const dischargeAt = copenhagenInstant(d.expectedDate, T.assumedDischargeTime).toISOString();
        const leadHours = (Date.parse(dischargeAt) - Date.parse(recordedAt)) / HOUR_MS;
        const severity: AlertSeverity = leadHours < T.highLeadTimeHours ? 'high' : 'warning';
        const kind = d.kind === 'psychiatric' ? 'Psychiatric' : 'Hospital';
        return draft(trigger, facts, now, {
          subjectId: d.admissionId,
          category: 'health',
          severity,
          dueAt: latest(dischargeAt, recordedAt),
          expiresAt: plusMs(copenhagenInstant(d.expectedDate), (T.expiresAfterDays + 1) * DAY_MS),
          shelter: shelterRecipient(d.destination, facts, d.kind === 'psychiatric', now),
          code: severity === 'high' ? 'discharge-short-notice-no-home' : 'discharge-planned-no-home',
          text: `${kind} discharge planned for ${d.expectedDate} (notice ${Math.max(0, Math.round(leadHours))} h ahead) with ${d.housingStatus === 'unknown' ? 'housing unknown' : 'no home'}; no permanent home is recorded.`,
        });
      }
      case 'DischargedFromHospital': {
        const d = event.data;
        if (d.destination === 'own-home') return null;
        const kind = d.kind === 'psychiatric' ? 'Psychiatric' : 'Hospital';
        return draft(trigger, facts, now, {
          subjectId: d.admissionId,
          category: 'health',
          severity: 'high',
          dueAt: plusMs(recordedAt, T.happenedDueHours * HOUR_MS),
          expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
          shelter: shelterRecipient(d.destination, facts, d.kind === 'psychiatric', now),
          code: 'discharged-no-home',
          text: `${kind} discharge on ${copenhagenDate(d.occurredAt)} without a discharge plan reaching the municipality; no permanent home is recorded.`,
        });
      }
      case 'ReleasedFromPrison': {
        const d = event.data;
        if (facts.prisonStays[d.stayId]?.expectedReleaseDate) return null; // A9 covered the scheduled release
        return draft(trigger, facts, now, {
          subjectId: d.stayId,
          category: 'justice',
          severity: 'high',
          dueAt: plusMs(recordedAt, T.happenedDueHours * HOUR_MS),
          expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
          shelter: [],
          code: 'released-no-home',
          text: `Released from prison on ${copenhagenDate(d.occurredAt)} without a scheduled release date; no permanent home is recorded.`,
        });
      }
      default:
        return null;
    }
  },

  // The destination shelter acknowledging the notice is the handover the alert waits for: someone now answers
  // for the citizen here and now (001:L4134). The social authority acknowledging only stops the escalation.
  resolvesOn: ['MovedIn', 'HospitalNoticeAcknowledged', 'PrisonNoticeAcknowledged'],
  resolves: (alert, { event }, facts) => {
    if (event.type === 'MovedIn') return permanentHome(facts) !== null;
    if (event.type !== 'HospitalNoticeAcknowledged' && event.type !== 'PrisonNoticeAcknowledged')
      return false;
    return (
      event.data.noticeId === alert.subjectId &&
      alert.recipients.some((r) => r.unitType === 'shelter' && r.unitId === event.data.acknowledgingUnitId)
    );
  },

  acknowledgedBy: {
    on: ['HospitalNoticeAcknowledged', 'PrisonNoticeAcknowledged'],
    by: (alert, { event }) =>
      (event.type === 'HospitalNoticeAcknowledged' || event.type === 'PrisonNoticeAcknowledged') &&
      event.data.noticeId === alert.subjectId
        ? { unitType: null, unitId: event.data.acknowledgingUnitId }
        : null,
  },
};

function shelterRecipient(
  destination: string,
  facts: AlertFacts,
  psychiatric: boolean,
  now: Date,
): AlertRecipient[] {
  if ((DISCHARGE_DESTINATION_CODES as readonly string[]).includes(destination)) return [];
  const shelter: AlertRecipient = { unitType: 'shelter', unitId: destination };
  const visible =
    psychiatric || hasConsentFor(facts, { unitType: 'shelter', unitId: destination }, 'health', now);
  return visible ? [shelter] : [];
}

function draft(
  trigger: AlertTrigger,
  facts: AlertFacts,
  now: Date,
  a: {
    subjectId: string;
    category: 'health' | 'justice';
    severity: AlertSeverity;
    dueAt: string;
    expiresAt: string;
    shelter: AlertRecipient[];
    code: string;
    text: string;
  },
) {
  const recipients = [...socialAuthority(facts), ...a.shelter];
  if (recipients.length === 0) return null;
  const unacknowledgedAfter =
    a.severity === 'high' ? T.unacknowledgedAfterHours.high : T.unacknowledgedAfterHours.other;
  return {
    subjectId: a.subjectId,
    refs: {},
    category: a.category,
    recipients,
    severity: a.severity,
    dueAt: a.dueAt,
    reason: {
      code: a.code,
      text: a.text,
      factEventIds: cite(trigger.eventId, facts.shelterStay?.eventId, facts.handlekommuneEventId),
    },
    escalation: [
      {
        at: plusMs(now, unacknowledgedAfter * HOUR_MS),
        when: 'unacknowledged' as const,
        severity: raiseSeverity(a.severity),
        addRecipients: [],
        reason: 'unacknowledged',
      },
    ],
    expiresAt: a.expiresAt,
    contactChannels: [],
  };
}
