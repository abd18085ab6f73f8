import { addWorkingDays, addWorkingDaysToDate, copenhagenInstant } from '../../calendar';
import type { AlertRecipient } from '../alert';
import { recentMoveIn, supportCourses } from '../facts';
import {
  AlertRule,
  RaiseOutcome,
  cite,
  DAY_MS,
  latest,
  plusMs,
  socialAuthority,
  supportProviders,
} from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A10;

/**
 * A10 Tenancy at risk: rent arrears or an eviction notice (fogedsag) for a citizen who was rehoused within 12 months
 * or has §85a Housing First support. To the support provider, the prevention team and the benefits office of the
 * handlekommune (and its social authority when no support provider is known).
 *
 * An eviction notice is `high`, due 5 working days before the bailiff date, and `critical` 2 working days before it;
 * arrears are a `warning` due within 5 working days. Resolved when the eviction is averted, executed or the tenancy
 * ends.
 */
export const a10TenancyAtRisk: AlertRule = {
  id: 'A10',
  triggers: ['RentArrearsReported', 'EvictionNoticeReceived'],

  raise(trigger, facts, now): RaiseOutcome {
    const { event } = trigger;
    if ((event.type !== 'RentArrearsReported' && event.type !== 'EvictionNoticeReceived') || facts.died)
      return null;
    const d = event.data;
    const moved = recentMoveIn(facts, d.occurredAt, T.movedInWithinMonths);
    const hf = supportCourses(facts, ['decided', 'active', 'paused']).filter(
      (c) => c.legalBasis === 'serviceloven §85a',
    );
    if (moved === null && hf.length === 0) return null;
    const providers = supportProviders(facts, supportCourses(facts, ['decided', 'active', 'paused']));
    const municipal: AlertRecipient[] = facts.handlekommune
      ? [
          { unitType: 'prevention-team', municipality: facts.handlekommune },
          { unitType: 'benefits', municipality: facts.handlekommune },
        ]
      : [];
    const recipients = [...providers, ...municipal, ...(providers.length ? [] : socialAuthority(facts))];
    if (recipients.length === 0) return null;
    const cited = cite(trigger.eventId, moved?.eventId, ...hf.map((c) => c.eventId));
    if (event.type === 'EvictionNoticeReceived') {
      const bailiff = event.data.bailiffDate;
      const due = copenhagenInstant(
        addWorkingDaysToDate(bailiff, -T.dueWorkingDaysBeforeBailiff),
        ALERT_THRESHOLDS.workdayStart,
      ).toISOString();
      const critical = copenhagenInstant(
        addWorkingDaysToDate(bailiff, -T.criticalWorkingDaysBeforeBailiff),
        ALERT_THRESHOLDS.workdayStart,
      ).toISOString();
      return {
        subjectId: `eviction:${d.offerId}`,
        refs: { offerId: d.offerId, bailiffDate: bailiff },
        category: 'housing',
        recipients,
        severity: 'high',
        dueAt: latest(due, now.toISOString()),
        reason: {
          code: 'eviction-notice-rehoused-citizen',
          text: `Eviction notice with bailiff date ${bailiff} for a rehoused or Housing First citizen.`,
          factEventIds: cited,
        },
        escalation: [
          {
            at: critical,
            when: 'unresolved',
            severity: 'critical',
            addRecipients: [],
            reason: 'bailiff-date-near',
          },
        ],
        expiresAt: plusMs(copenhagenInstant(bailiff), T.expiresAfterDays * DAY_MS),
        contactChannels: [],
        dedupe: 'while-open',
      };
    }
    return {
      subjectId: `arrears:${d.offerId}`,
      refs: { offerId: d.offerId },
      category: 'housing',
      recipients,
      severity: 'warning',
      dueAt: addWorkingDays(now, T.arrearsDueWorkingDays).toISOString(),
      reason: {
        code: 'rent-arrears-rehoused-citizen',
        text: `Rent arrears (${event.type === 'RentArrearsReported' ? event.data.monthsInArrears : 0} months) for a rehoused or Housing First citizen.`,
        factEventIds: cited,
      },
      escalation: [],
      expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
      dedupe: 'while-open',
    };
  },

  resolvesOn: ['EvictionAverted', 'EvictionExecuted', 'TenancyEnded'],
  resolves: (alert, { event }) =>
    (event.type === 'EvictionAverted' ||
      event.type === 'EvictionExecuted' ||
      event.type === 'TenancyEnded') &&
    event.data.offerId === alert.refs.offerId,
};
