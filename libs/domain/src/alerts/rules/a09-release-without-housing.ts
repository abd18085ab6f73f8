import { addDays, copenhagenDate, copenhagenInstant, daysBetween } from '../../calendar';
import { permanentHome } from '../facts';
import { AlertRule, cite, DAY_MS, latest, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A9;

/**
 * A9 Release without housing (004:L4772: released "to his parents' sofa"): a prison release is scheduled within 28
 * days and the citizen has no permanent home. To the social authority of the handlekommune.
 *
 * A release scheduled further ahead is deferred: a durable timer evaluates the rule again 28 days before the
 * release, with the facts as they are then (a home found in the meantime, a release rescheduled or already
 * happened: nothing is raised). At the release date a still open alert escalates to `high`. Resolved when a
 * permanent home is moved into; a rescheduled release replaces the alert with one for the new date.
 */
export const a09ReleaseWithoutHousing: AlertRule = {
  id: 'A9',
  triggers: ['ReleaseScheduled'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'ReleaseScheduled') return null;
    const d = event.data;
    const stay = facts.prisonStays[d.stayId];
    // Re-evaluated later by a timer: the schedule must still be this one and the citizen still inside.
    if (
      stay === undefined ||
      stay.status !== 'in-custody' ||
      stay.expectedReleaseDate !== d.expectedReleaseDate
    ) {
      return null;
    }
    if (facts.died || d.housingStatus === 'own-home' || permanentHome(facts) !== null) return null;
    const today = copenhagenDate(now);
    const daysAhead = daysBetween(today, d.expectedReleaseDate);
    if (daysAhead > T.lookAheadDays) {
      return {
        deferUntil: copenhagenInstant(
          addDays(d.expectedReleaseDate, -T.lookAheadDays),
          ALERT_THRESHOLDS.workdayStart,
        ).toISOString(),
      };
    }
    const releaseAt = copenhagenInstant(d.expectedReleaseDate, ALERT_THRESHOLDS.workdayStart).toISOString();
    return {
      subjectId: d.stayId,
      refs: { expectedReleaseDate: d.expectedReleaseDate },
      category: 'justice',
      recipients: socialAuthority(facts),
      severity: daysAhead <= 0 ? 'high' : 'warning',
      dueAt: latest(releaseAt, now.toISOString()),
      reason: {
        code: 'release-scheduled-no-home',
        text: `Prison release scheduled for ${d.expectedReleaseDate} (in ${Math.max(0, daysAhead)} days) with ${d.housingStatus === 'unknown' ? 'housing unknown' : 'no home'}; no permanent home is recorded.`,
        factEventIds: cite(trigger.eventId, stay.eventId, facts.handlekommuneEventId),
      },
      escalation:
        daysAhead <= 0
          ? []
          : [
              {
                at: releaseAt,
                when: 'unresolved',
                severity: 'high',
                addRecipients: [],
                reason: 'released-without-home',
              },
            ],
      expiresAt: plusMs(
        copenhagenInstant(d.expectedReleaseDate),
        (T.expiresAfterDaysPastRelease + 1) * DAY_MS,
      ),
      contactChannels: [],
      dedupe: 'while-open',
    };
  },

  resolvesOn: ['MovedIn', 'ReleaseScheduled'],
  resolves: (alert, { event }, facts) =>
    event.type === 'MovedIn'
      ? permanentHome(facts) !== null
      : event.type === 'ReleaseScheduled' &&
        event.data.stayId === alert.subjectId &&
        event.data.expectedReleaseDate !== alert.refs.expectedReleaseDate,

  acknowledgedBy: {
    on: ['PrisonNoticeAcknowledged'],
    by: (alert, { event }) =>
      event.type === 'PrisonNoticeAcknowledged' && event.data.noticeId === alert.subjectId
        ? { unitType: null, unitId: event.data.acknowledgingUnitId }
        : null,
  },
};
