import { addWorkingDays } from '../../calendar';
import type { AlertRecipient } from '../alert';
import { AlertRule, cite, DAY_MS, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A14;

/**
 * A14 Offer lost (001:L3409, 004:L2220): a housing offer lapsed or was declined for a reason a benefits decision or
 * debt help could have prevented (debt, benefits processing time). To the social authority of the handlekommune and
 * the benefits office (of the municipality that decided the offer's deposit application, else the handlekommune's).
 * No escalation. Resolved by a new housing offer.
 */
export const a14OfferLost: AlertRule = {
  id: 'A14',
  triggers: ['HousingOfferLapsed', 'HousingOfferDeclined'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'HousingOfferLapsed' && event.type !== 'HousingOfferDeclined') return null;
    const d = event.data;
    if (!T.reasons.includes(d.reason) || facts.died) return null;
    const application = Object.values(facts.applications).find((a) => a.linkedOfferId === d.offerId);
    const benefitsMunicipality = application?.decidingMunicipality ?? facts.handlekommune;
    const benefits: AlertRecipient[] = benefitsMunicipality
      ? [{ unitType: 'benefits', municipality: benefitsMunicipality }]
      : [];
    const recipients = [...socialAuthority(facts), ...benefits];
    if (recipients.length === 0) return null;
    return {
      subjectId: d.offerId,
      refs: {},
      category: 'housing',
      recipients,
      severity: 'warning',
      dueAt: addWorkingDays(now, T.dueWorkingDays).toISOString(),
      reason: {
        code: 'housing-offer-lost',
        text: `A housing offer ${event.type === 'HousingOfferLapsed' ? 'lapsed' : 'was declined'} for a ${d.reason === 'debt' ? 'debt' : 'benefits'} reason (${d.reason}).`,
        factEventIds: cite(trigger.eventId, facts.offers[d.offerId]?.eventId, application?.eventId),
      },
      escalation: [],
      expiresAt: plusMs(d.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['HousingOffered'],
};
