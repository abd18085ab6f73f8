import { addWorkingDaysToDate, copenhagenDate, copenhagenInstant } from '../../calendar';
import { supportCourses, type AlertFacts, type CourseWithId } from '../facts';
import { AlertRule, cite, DAY_MS, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A12;

/** The subject of every A12 alert of a citizen: there is one parallel-support situation at a time. */
const SUBJECT = 'parallel-support';

/**
 * Running §85 and §85a courses and an assigned employment mentor, with no lead worker; null when the citizen's
 * support is not parallel in that sense or a lead worker is assigned.
 */
export function parallelSupportWithoutLead(
  facts: AlertFacts,
): { s85: CourseWithId; s85a: CourseWithId; mentorEventId: string } | null {
  if (facts.contacts[T.leadRole] !== undefined) return null;
  const mentor = facts.contacts[T.mentorRole];
  if (mentor === undefined) return null;
  const active = supportCourses(facts, ['active']);
  const s85 = active.find((c) => c.legalBasis === 'serviceloven §85');
  const s85a = active.find((c) => c.legalBasis === 'serviceloven §85a');
  return s85 && s85a ? { s85, s85a, mentorEventId: mentor.eventId } : null;
}

/**
 * A12 Parallel support: a §85 course and a §85a course running together with an employment mentor (a contact
 * with role `mentor`), and nobody coordinating them. The lead worker is read as an assigned contact with role
 * `support-worker` (CONTACT_ROLES has no lead role; the support worker is the one contact meant to hold the
 * citizen's support together): its assignment resolves the alert. To the social authority of the handlekommune,
 * `info`, due in 10 working days; no escalation.
 *
 * Raised by whichever fact completes the picture (a course started or resumed, the mentor assigned, the support
 * worker unassigned); at most one open alert at a time. Resolved as soon as the picture no longer holds: a
 * support worker assigned, one of the courses ended or paused, the mentor unassigned.
 */
export const a12ParallelSupport: AlertRule = {
  id: 'A12',
  triggers: ['SupportStarted', 'SupportResumed', 'ContactAssigned', 'ContactUnassigned'],

  raise(trigger, facts, now) {
    if (facts.died) return null;
    const parallel = parallelSupportWithoutLead(facts);
    if (parallel === null) return null;
    const recipients = socialAuthority(facts);
    if (recipients.length === 0) return null;
    const due = copenhagenInstant(
      addWorkingDaysToDate(copenhagenDate(now), T.dueWorkingDays),
      ALERT_THRESHOLDS.workdayStart,
    ).toISOString();
    return {
      subjectId: SUBJECT,
      refs: { section85SupportId: parallel.s85.supportId, section85aSupportId: parallel.s85a.supportId },
      category: 'support',
      recipients,
      severity: 'info',
      dueAt: due,
      reason: {
        code: 'parallel-support-without-lead',
        text: `§85 (${parallel.s85.method}) and §85a (${parallel.s85a.method}) support run alongside an employment mentor with no lead support worker assigned.`,
        factEventIds: cite(
          trigger.eventId,
          parallel.s85.eventId,
          parallel.s85a.eventId,
          parallel.mentorEventId,
        ),
      },
      escalation: [],
      expiresAt: plusMs(now, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
      dedupe: 'while-open',
    };
  },

  resolvesOn: ['ContactAssigned', 'ContactUnassigned', 'SupportEnded', 'SupportPaused'],
  resolves: (_alert, _trigger, facts) => parallelSupportWithoutLead(facts) === null,
};
