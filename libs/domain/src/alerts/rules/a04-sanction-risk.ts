import { addWorkingDays, copenhagenDate, copenhagenInstant } from '../../calendar';
import type { AlertContactChannel, AlertRecipient } from '../alert';
import { recentMoveIn, supportCourses, type AlertFacts } from '../facts';
import {
  AlertRule,
  RaiseOutcome,
  cite,
  contactOf,
  DAY_MS,
  earliest,
  plusMs,
  socialAuthority,
  supportProviders,
} from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A4;

/**
 * A4 Sanction risk for a rehoused or Housing First citizen (001:L3559-3562): a sanction risk flag or a sanction
 * warning (partshøring) for a citizen who moved in within the last 12 months, has active §85/§85a support (running
 * or paused), or is in a §110 shelter.
 *
 * To the support provider (the named support worker when assigned) and the social authority; the jobcentre
 * (the assigned caseworker's unit, else the handlekommune's) receives the contact channels - support worker,
 * shelter, mentor - for the extended hearing: "just phone me, so we avoid a sanction".
 *
 * Due at the start of the hearing deadline's day (a risk flag: within 5 working days). Unacknowledged after one
 * working day (or at the due time, if sooner) it escalates to `high`; an imposed sanction escalates it too (protect
 * the tenancy). Resolved when the citizen is reached personally on the warning, the sanction is withdrawn or an
 * exemption is granted; a risk flag's alert is resolved by the warning that follows it (which raises its own).
 */
export const a04SanctionRisk: AlertRule = {
  id: 'A4',
  triggers: ['SanctionRiskFlagged', 'SanctionWarningIssued'],

  raise(trigger, facts, now): RaiseOutcome {
    const { event } = trigger;
    if (event.type !== 'SanctionRiskFlagged' && event.type !== 'SanctionWarningIssued') return null;
    if (facts.died) return null;
    const at = event.data.occurredAt;
    const moved = recentMoveIn(facts, at, T.movedInWithinMonths);
    const courses = supportCourses(facts, ['active', 'paused']).filter((c) =>
      T.supportLegalBases.includes(c.legalBasis),
    );
    const shelter = facts.shelterStay;
    if (moved === null && courses.length === 0 && shelter === null) return null;

    const why = [
      moved ? `moved in on ${copenhagenDate(moved.movedInAt)}` : null,
      courses.length ? `has ${[...new Set(courses.map((c) => c.legalBasis))].join(' and ')} support` : null,
      shelter ? 'stays in a §110 shelter' : null,
    ].filter((part): part is string => part !== null);
    const recipients: AlertRecipient[] = [
      ...supportProviders(facts, courses),
      ...socialAuthority(facts),
      jobcentre(facts),
    ];

    const warning = event.type === 'SanctionWarningIssued' ? event.data : null;
    const dueAt = warning
      ? copenhagenInstant(warning.hearingDeadline).toISOString()
      : addWorkingDays(now, T.riskDueWorkingDays).toISOString();
    const escalateAt = earliest(addWorkingDays(now, T.unacknowledgedAfterWorkingDays).toISOString(), dueAt);
    return {
      subjectId: warning ? warning.warningId : 'sanction-risk',
      refs: warning ? { warningId: warning.warningId, hearingDeadline: warning.hearingDeadline } : {},
      category: 'employment',
      recipients,
      severity: 'warning',
      dueAt,
      reason: {
        code: warning ? 'sanction-warning-rehoused-citizen' : 'sanction-risk-rehoused-citizen',
        text: warning
          ? `Sanction warning (${warning.ground}) with hearing deadline ${warning.hearingDeadline}${warning.extendedHearing ? ', extended hearing' : ''} for a citizen who ${why.join(', ')}.`
          : `Sanction risk flagged (${event.type === 'SanctionRiskFlagged' ? event.data.reason : ''}) for a citizen who ${why.join(', ')}.`,
        factEventIds: cite(
          trigger.eventId,
          moved?.eventId,
          ...courses.map((c) => c.eventId),
          shelter?.eventId,
        ),
      },
      escalation: [
        {
          at: escalateAt,
          when: 'unacknowledged',
          severity: 'high',
          addRecipients: [],
          reason: 'unacknowledged-before-hearing',
        },
      ],
      expiresAt: plusMs(dueAt, (warning ? T.expiresAfterDaysPastDue : T.riskExpiresAfterDays) * DAY_MS),
      contactChannels: contactChannels(facts),
      dedupe: warning ? 'once' : 'while-open',
    };
  },

  resolvesOn: ['PersonalContactAttempted', 'SanctionWithdrawn', 'ExemptionGranted', 'SanctionWarningIssued'],
  resolves: (alert, { event }) => {
    switch (event.type) {
      case 'PersonalContactAttempted':
        return event.data.warningId === alert.refs.warningId && event.data.outcome === 'reached';
      case 'SanctionWithdrawn':
        return event.data.warningId === alert.refs.warningId;
      case 'ExemptionGranted':
        return true;
      case 'SanctionWarningIssued':
        return alert.subjectId === 'sanction-risk';
      default:
        return false;
    }
  },

  escalate: {
    on: ['SanctionImposed'],
    escalation: (alert, { event }) =>
      event.type === 'SanctionImposed' && event.data.warningId === alert.refs.warningId
        ? { reason: 'sanction-imposed-protect-tenancy', severity: 'high', addRecipients: [] }
        : null,
  },
};

function jobcentre(facts: AlertFacts): AlertRecipient {
  const caseworker = facts.jobcentreCaseworker;
  if (caseworker !== null) {
    return {
      unitType: 'jobcentre',
      unitId: caseworker.unitId,
      contact: { role: 'jobcentre-caseworker', staffId: caseworker.caseworkerId },
    };
  }
  const contact = contactOf(facts, 'jobcentre-caseworker');
  return {
    unitType: 'jobcentre',
    ...(facts.handlekommune ? { municipality: facts.handlekommune } : {}),
    ...(contact ? { contact } : {}),
  };
}

/** Who can reach the citizen: support worker, shelter (contact person or the shelter itself), mentor. */
function contactChannels(facts: AlertFacts): AlertContactChannel[] {
  const channels: AlertContactChannel[] = [];
  for (const role of ['support-worker', 'shelter-contact', 'mentor'] as const) {
    const contact = facts.contacts[role];
    if (contact) {
      channels.push({
        role,
        unitId: contact.unitId,
        staffId: contact.staffId,
        ...(contact.channel ? { channel: contact.channel } : {}),
      });
    }
  }
  if (facts.shelterStay && !channels.some((c) => c.role === 'shelter-contact')) {
    channels.push({ role: 'shelter', unitId: facts.shelterStay.shelterId });
  }
  return channels;
}
