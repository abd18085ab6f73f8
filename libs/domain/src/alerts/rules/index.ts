import type { AlertRuleId } from '../alert';
import type { AlertRule } from '../rule';
import { a01DischargeIntoHomelessness } from './a01-discharge-into-homelessness';
import { a02ShelterNotificationDuty } from './a02-shelter-notification-duty';
import { a03DepositFastTrack } from './a03-deposit-fast-track';
import { a04SanctionRisk } from './a04-sanction-risk';
import { a08ContactLost } from './a08-contact-lost';
import { a09ReleaseWithoutHousing } from './a09-release-without-housing';
import { a10TenancyAtRisk } from './a10-tenancy-at-risk';
import { a11AdmissionPausesSupport } from './a11-admission-pauses-support';
import { a13MovedInWithoutSupport } from './a13-moved-in-without-support';
import { a14OfferLost } from './a14-offer-lost';

/**
 * The rules the engine evaluates. A5 (refund clock), A6 (support before discharge), A7 (CTI handover) and A12
 * (parallel support) are not implemented yet; adding one is a file here and a line below.
 */
export const ALERT_RULES: readonly AlertRule[] = [
  a01DischargeIntoHomelessness,
  a02ShelterNotificationDuty,
  a03DepositFastTrack,
  a04SanctionRisk,
  a08ContactLost,
  a09ReleaseWithoutHousing,
  a10TenancyAtRisk,
  a11AdmissionPausesSupport,
  a13MovedInWithoutSupport,
  a14OfferLost,
];

export function alertRule(id: AlertRuleId, rules: readonly AlertRule[] = ALERT_RULES): AlertRule | undefined {
  return rules.find((rule) => rule.id === id);
}

export {
  a01DischargeIntoHomelessness,
  a02ShelterNotificationDuty,
  a03DepositFastTrack,
  a04SanctionRisk,
  a08ContactLost,
  a09ReleaseWithoutHousing,
  a10TenancyAtRisk,
  a11AdmissionPausesSupport,
  a13MovedInWithoutSupport,
  a14OfferLost,
};
