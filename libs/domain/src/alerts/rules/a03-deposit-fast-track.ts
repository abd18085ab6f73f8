import { addWorkingDaysToDate, copenhagenInstant } from '../../calendar';
import type { AlertRecipient } from '../alert';
import { AlertRule, cite, DAY_MS, earliest, HOUR_MS, plusMs, socialAuthority } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A3;

/**
 * A3 Deposit fast-track (001:L3409, L3848): a deposit or moving-expense application linked to a housing offer with a
 * lease-signing deadline goes to the benefits office of the deciding municipality (for moving expenses the one the
 * citizen moves to), due within the fast-track target of 24 hours.
 *
 * Two working days before the lease-signing deadline (at the start of the working day) a still undecided
 * application escalates to `high` and the social authority of the handlekommune is told, so someone can step in
 * before the offer is lost (004:L2220). If the offer lapses anyway, that is the breach: `critical`. Resolved when
 * the application is decided, whatever the outcome.
 *
 * Near misses that raise nothing: a furniture grant, an application without a linked offer, an offer without a
 * known deadline, an offer already lost.
 */
export const a03DepositFastTrack: AlertRule = {
  id: 'A3',
  triggers: ['DepositApplicationSubmitted'],

  raise(trigger, facts, now) {
    const { event } = trigger;
    if (event.type !== 'DepositApplicationSubmitted') return null;
    const d = event.data;
    if (!T.kinds.includes(d.kind) || !d.linkedOfferId) return null;
    const offer = facts.offers[d.linkedOfferId];
    if (offer !== undefined && (offer.status === 'lapsed' || offer.status === 'declined')) return null;
    const deadline = d.leaseSigningDeadline ?? offer?.leaseSigningDeadline;
    if (!deadline) return null;

    const escalateAt = copenhagenInstant(
      addWorkingDaysToDate(deadline, -T.escalateWorkingDaysBeforeDeadline),
      ALERT_THRESHOLDS.workdayStart,
    ).toISOString();
    const target = plusMs(trigger.recordedAt, T.targetDecisionHours * HOUR_MS);
    const late = Date.parse(escalateAt) <= now.getTime();
    const benefits: AlertRecipient = { unitType: 'benefits', municipality: d.decidingMunicipality };
    const escalateTo = socialAuthority(facts);
    return {
      subjectId: d.applicationId,
      refs: { offerId: d.linkedOfferId, leaseSigningDeadline: deadline },
      category: 'benefits',
      recipients: late ? [benefits, ...escalateTo] : [benefits],
      severity: late ? 'high' : 'warning',
      dueAt: earliest(target, escalateAt),
      reason: {
        code: late ? 'deposit-application-lease-deadline-near' : 'deposit-application-fast-track',
        text: `Deposit application (${d.kind}) for a housing offer whose lease must be signed by ${deadline}: decide within ${T.targetDecisionHours} h.`,
        factEventIds: cite(trigger.eventId, offer?.eventId),
      },
      escalation: late
        ? []
        : [
            {
              at: escalateAt,
              when: 'unresolved',
              severity: 'high',
              addRecipients: escalateTo,
              reason: 'lease-deadline-approaching',
            },
          ],
      expiresAt: plusMs(copenhagenInstant(deadline), (T.expiresAfterDaysPastDeadline + 1) * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: ['DepositApplicationDecided'],
  resolves: (alert, { event }) =>
    event.type === 'DepositApplicationDecided' && event.data.applicationId === alert.subjectId,

  escalate: {
    on: ['HousingOfferLapsed'],
    escalation: (alert, { event }, facts) =>
      event.type === 'HousingOfferLapsed' && event.data.offerId === alert.refs.offerId
        ? {
            reason: 'offer-lapsed-before-decision',
            severity: 'critical',
            addRecipients: socialAuthority(facts),
          }
        : null,
  },
};
