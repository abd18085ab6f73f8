import type { DepositApplicationKind } from '../benefits/benefits';
import type { OfferLossReason } from '../housing/housing';
import type { SupportLegalBasis } from '../support/support';

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
} as const;
