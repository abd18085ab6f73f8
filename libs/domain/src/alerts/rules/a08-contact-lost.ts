import { addWorkingDays, copenhagenDate } from '../../calendar';
import { supportCourses } from '../facts';
import { AlertRule, cite, DAY_MS, plusMs, socialAuthority, supportProviders } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';
import type { AlertSeverity } from '../alert';

const T = ALERT_THRESHOLDS.A8;

/**
 * A8 Contact lost (DOMAIN.md §5.6: no contact for more than 3 weeks): the support provider unit (its lead, the
 * named support worker when assigned) and the social authority. Escalates weekly while contact stays lost (`high`,
 * `high`, `critical`). Resolved when contact is restored or the course ends.
 */
export const a08ContactLost: AlertRule = {
  id: 'A8',
  triggers: ['ContactLost'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'ContactLost' || facts.died) return null;
    const d = event.data;
    const course = supportCourses(facts, ['decided', 'active', 'paused']).find(
      (c) => c.supportId === d.supportId,
    );
    const recipients = [...supportProviders(facts, course ? [course] : []), ...socialAuthority(facts)];
    if (recipients.length === 0) return null;
    const ladder: AlertSeverity[] = ['high', 'high', 'critical'];
    return {
      subjectId: d.supportId,
      refs: {},
      category: 'support',
      recipients,
      severity: 'warning',
      dueAt: addWorkingDays(now, T.dueWorkingDays).toISOString(),
      reason: {
        code: 'support-contact-lost',
        text: `No contact on the ${d.method} course for ${d.daysWithoutContact} days (last contact ${copenhagenDate(d.lastContactAt)}).`,
        factEventIds: cite(trigger.eventId, course?.eventId),
      },
      escalation: Array.from({ length: T.escalationSteps }, (_, i) => ({
        at: plusMs(d.occurredAt, (i + 1) * T.escalateEveryDays * DAY_MS),
        when: 'unresolved' as const,
        severity: ladder[Math.min(i, ladder.length - 1)],
        addRecipients: [],
        reason: 'contact-still-lost',
      })),
      expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
      dedupe: 'while-open',
    };
  },

  resolvesOn: ['ContactRestored', 'SupportEnded'],
  resolves: (alert, { event }) =>
    (event.type === 'ContactRestored' || event.type === 'SupportEnded') &&
    event.data.supportId === alert.subjectId,
};
