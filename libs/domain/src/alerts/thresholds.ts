import type { DepositApplicationKind } from '../benefits/benefits';
import type { OfferLossReason } from '../housing/housing';
import type { SupportLegalBasis, SupportMethod } from '../support/support';

/**
 * The §110 refund limit (alert A5): days of shelter stay per rolling year the state refunds. Data with effective
 * dates, not code: each entry applies to stays ADMITTED on or after `effectiveFrom` until the next entry. The same
 * table lives in `libs/projections/src/shelter-stays/refund-clock.ts` (the read model's clock); the domain cannot
 * import from the projections, so keep the two in step (a spec in A5 checks the figures).
 */
export type ShelterRefundLimit = { effectiveFrom: string; days: number; source: string };

export const SHELTER_REFUND_LIMITS: readonly ShelterRefundLimit[] = [
  { effectiveFrom: '0001-01-01', days: 120, source: 'serviceloven §110 refusion: 120 days per rolling year' },
  { effectiveFrom: '2026-04-01', days: 90, source: 'from 1 April 2026: 90 days per rolling year' },
];

/** The limit for a stay admitted on `date` (YYYY-MM-DD): the latest entry effective by then. */
export function shelterRefundLimitOn(
  date: string,
  limits: readonly ShelterRefundLimit[] = SHELTER_REFUND_LIMITS,
): ShelterRefundLimit {
  const applicable = [...limits]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .filter((limit) => limit.effectiveFrom <= date)
    .pop();
  if (applicable === undefined) throw new Error(`no shelter refund limit is effective on ${date}`);
  return applicable;
}

/**
 * Every number the alert rules use, in one place (DOMAIN.md §6: thresholds are configurable; where the law or
 * practice is uncertain, this is data, not code). Times of day are Copenhagen wall-clock times.
 */
export const ALERT_THRESHOLDS = {
  /** when a working day's escalations and due times fall */
  workdayStart: '08:00',

  A1: {
    /** "notice the day before or the same day" (001:L4120): a shorter lead time than this is `high` */
    highLeadTimeHours: 48,
    /** the planned discharge is assumed to happen at this time on its date */
    assumedDischargeTime: '08:00',
    /** an unacknowledged alert escalates one severity step after this many hours */
    unacknowledgedAfterHours: { high: 4, other: 24 },
    /** a discharge that already happened must be acted on within this many hours */
    happenedDueHours: 24,
    /** days after the discharge date (or the discharge) an unresolved alert expires */
    expiresAfterDays: 14,
  },

  A2: {
    /** serviceloven §110 stk. 6: the shelter notifies the handlekommune within 3 working days */
    notifyWithinWorkingDays: 3,
    expiresAfterDaysPastDeadline: 30,
  },

  A3: {
    /** only these kinds are a deposit / moving-expense need (furniture grants are not) */
    kinds: ['beboerindskudslan', 'moving-expenses'] as readonly DepositApplicationKind[],
    /** fast-track target (001:L3848: good municipalities decide within 24 h) */
    targetDecisionHours: 24,
    /** escalate this many working days before the lease-signing deadline */
    escalateWorkingDaysBeforeDeadline: 2,
    expiresAfterDaysPastDeadline: 14,
  },

  A4: {
    /** "rehoused" means moved in within this many months */
    movedInWithinMonths: 12,
    supportLegalBases: ['serviceloven §85', 'serviceloven §85a'] as readonly SupportLegalBasis[],
    /** a risk flag has no hearing deadline: the recipients should act within this many working days */
    riskDueWorkingDays: 5,
    /** an unacknowledged alert escalates after this many working days (or at the due time, if earlier) */
    unacknowledgedAfterWorkingDays: 1,
    expiresAfterDaysPastDue: 7,
    riskExpiresAfterDays: 30,
  },

  A5: {
    /** the limits by admission date */
    limits: SHELTER_REFUND_LIMITS,
    /** the rolling year the clock looks back over */
    windowDays: 365,
    /** the alert is raised this many days before the limit is reached; it escalates at the limit */
    warnDaysBeforeLimit: 30,
    /** an alert about a stay that is still open this long after the limit expires */
    expiresAfterDaysPastLimit: 90,
  },

  A6: {
    /** §85a methods: the §176a refund (up to 2 years) needs one of these decided before the discharge */
    methods: ['cti', 'icm', 'act', 'm-act'] as readonly SupportMethod[],
    /**
     * MunicipalDischargeDecided carries no planned discharge date: the discharge is assumed to follow within this
     * many working days of the decision, and the alert is due then (at the start of the working day).
     */
    assumedDischargeWorkingDays: 3,
    expiresAfterDays: 60,
  },

  A7: {
    /** CTI runs 9 months from the start of phase 1; month 7 starts 6 months in */
    raiseAfterMonths: 6,
    durationMonths: 9,
    expiresAfterDaysPastEnd: 60,
  },

  A8: {
    /** DOMAIN.md §6: weekly escalation while contact stays lost */
    escalateEveryDays: 7,
    escalationSteps: 3,
    dueWorkingDays: 2,
    expiresAfterDays: 90,
  },

  A9: {
    /** parole and release dates are decided about 4 weeks ahead (004:L4772) */
    lookAheadDays: 28,
    expiresAfterDaysPastRelease: 14,
  },

  A10: {
    /** the recipients should act this many working days before the bailiff date */
    dueWorkingDaysBeforeBailiff: 5,
    /** critical this many working days before the bailiff date */
    criticalWorkingDaysBeforeBailiff: 2,
    arrearsDueWorkingDays: 5,
    /** "rehoused" as in A4 */
    movedInWithinMonths: 12,
    expiresAfterDays: 60,
  },

  A11: {
    dueWorkingDays: 1,
    expiresAfterDays: 30,
  },

  A12: {
    /** the lead worker: the contact role whose assignment coordinates parallel courses */
    leadRole: 'support-worker',
    /** the role that stands for an employment mentor */
    mentorRole: 'mentor',
    dueWorkingDays: 10,
    expiresAfterDays: 180,
  },

  A13: {
    /** support must start from move-in (002:L425) */
    dueDays: 7,
    expiresAfterDays: 60,
  },

  A14: {
    /** loss reasons a benefits decision or debt help could have prevented */
    reasons: ['debt', 'benefits-processing-time'] as readonly OfferLossReason[],
    dueWorkingDays: 5,
    expiresAfterDays: 60,
  },
  A15: {
    /** the owning unit should look at the read while it can still be questioned */
    dueWorkingDays: 1,
    expiresAfterDays: 30,
  },
} as const;
