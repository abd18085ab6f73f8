import { copenhagenDate } from '../../calendar';
import { supportCourses } from '../facts';
import { AlertRule, cite, DAY_MS, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A13;

/**
 * A13 Moved in without support (002:L425: support must start from move-in): a move-in with no support course
 * decided, running or paused. To the social authority of the handlekommune, due 7 days after the move-in, when a
 * still open alert escalates to `high`. Resolved when support is decided or started.
 *
 * A course that is decided but not yet started counts as support in place: starting it is the provider's task,
 * and raising an alert on every decided course would drown the real gaps.
 */
export const a13MovedInWithoutSupport: AlertRule = {
  id: 'A13',
  triggers: ['MovedIn'],

  raise(trigger, facts) {
    const { event } = trigger;
    if (event.type !== 'MovedIn' || facts.died) return null;
    if (supportCourses(facts, ['decided', 'active', 'paused']).length > 0) return null;
    const recipients = socialAuthority(facts);
    if (recipients.length === 0) return null;
    const due = plusMs(event.data.occurredAt, T.dueDays * DAY_MS);
    const tenancy = facts.tenancies[event.data.offerId];
    return {
      subjectId: event.data.offerId,
      refs: {},
      category: 'support',
      recipients,
      severity: 'warning',
      dueAt: due,
      reason: {
        code: 'moved-in-without-support',
        text: `Moved in on ${copenhagenDate(event.data.occurredAt)}${tenancy ? ` (${tenancy.leaseType} lease)` : ''} with no support decided or running.`,
        factEventIds: cite(trigger.eventId, tenancy?.leaseEventId),
      },
      escalation: [
        { at: due, when: 'unresolved', severity: 'high', addRecipients: [], reason: 'support-not-in-place' },
      ],
      expiresAt: plusMs(event.data.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['SupportDecided', 'SupportStarted'],
};
