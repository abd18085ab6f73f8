import type { AlertRuleId } from '../alert';
import type { AlertRule } from '../rule';
import { a01DischargeIntoHomelessness } from './a01-discharge-into-homelessness';
import { a02ShelterNotificationDuty } from './a02-shelter-notification-duty';
import { a03DepositFastTrack } from './a03-deposit-fast-track';
import { a04SanctionRisk } from './a04-sanction-risk';
import { a05ShelterRefundClock } from './a05-shelter-refund-clock';
import { a06SupportBeforeDischarge } from './a06-support-before-discharge';
import { a07CtiHandover } from './a07-cti-handover';
import { a08ContactLost } from './a08-contact-lost';
import { a09ReleaseWithoutHousing } from './a09-release-without-housing';
import { a10TenancyAtRisk } from './a10-tenancy-at-risk';
import { a11AdmissionPausesSupport } from './a11-admission-pauses-support';
import { a12ParallelSupport } from './a12-parallel-support';
import { a13MovedInWithoutSupport } from './a13-moved-in-without-support';
import { a14OfferLost } from './a14-offer-lost';
import { a15BreakGlassRead } from './a15-break-glass-read';

/** The rules the engine evaluates (all of DOMAIN.md §6, and A15 for break-glass reads of §3); adding one is a file here and a line below. */
export const ALERT_RULES: readonly AlertRule[] = [
  a01DischargeIntoHomelessness,
  a02ShelterNotificationDuty,
  a03DepositFastTrack,
  a04SanctionRisk,
  a05ShelterRefundClock,
  a06SupportBeforeDischarge,
  a07CtiHandover,
  a08ContactLost,
  a09ReleaseWithoutHousing,
  a10TenancyAtRisk,
  a11AdmissionPausesSupport,
  a12ParallelSupport,
  a13MovedInWithoutSupport,
  a14OfferLost,
  a15BreakGlassRead,
];

export function alertRule(id: AlertRuleId, rules: readonly AlertRule[] = ALERT_RULES): AlertRule | undefined {
  return rules.find((rule) => rule.id === id);
}

export {
  a01DischargeIntoHomelessness,
  a02ShelterNotificationDuty,
  a03DepositFastTrack,
  a04SanctionRisk,
  a05ShelterRefundClock,
  a06SupportBeforeDischarge,
  a07CtiHandover,
  a08ContactLost,
  a09ReleaseWithoutHousing,
  a10TenancyAtRisk,
  a11AdmissionPausesSupport,
  a12ParallelSupport,
  a13MovedInWithoutSupport,
  a14OfferLost,
};
