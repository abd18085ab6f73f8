import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
import { assertKnownMunicipality, assertOccurredAtAcceptable } from '../rules';
import { municipalityName } from '../municipalities';
import { assertPlainDate, copenhagenDate } from '../calendar';

/**
 * Housing (DOMAIN.md §5.4): waiting lists, municipal allocation (anvisning), offers, lease, move-in and the
 * tenancy until it ends.
 *
 * One stream per citizen. Offers are keyed by `offerId` inside the stream, and a tenancy is keyed by the offer
 * whose lease created it (a lease is only ever signed for an accepted offer), so a citizen who moves from a
 * transitional flat to a permanent home has two tenancies side by side for a while, each with its own arrears
 * and eviction case.
 *
 * Two Housing First principles are constraints of this model (DOMAIN.md §5, HF principles 1 and 4,
 * 002:L370-375, L745-749):
 *
 * 1. Housing is not conditional on treatment: an offer has NO treatment, sobriety or "housing readiness"
 *    fields. The command and event types below simply do not have them, and the HTTP DTO refuses such fields
 *    (unknown fields are a 400). Nothing in this decider can gate an offer on them.
 * 2. A past eviction never blocks a new offer: `offerHousing` does not look at tenancies or eviction history at
 *    all, and the state keeps no "evicted before" marker that a later rule could be tempted to read.
 *
 * Support and tenancy are separate (002:L636-640): ending a tenancy or an eviction says nothing about support,
 * which lives in its own process.
 */
export function housingStreamId(citizenId: string): string {
  return `housing-${citizenId}`;
}

export const HOUSING_TYPES = [
  'almen-bolig',
  'skaev-bolig',
  'almen-ungdomsbolig',
  'almen-aeldrebolig',
  'private-rental',
  'transitional-housing',
  'other',
] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

/**
 * Why an offer was lost (declined or lapsed). `benefits-processing-time` is the one the product exists to
 * prevent (001:L3409: offers lost while the deposit application waits); alert A14 keys on these codes.
 */
export const OFFER_LOSS_REASONS = [
  'too-expensive',
  'debt',
  'flexible-letting-rule',
  'citizen-declined',
  'benefits-processing-time',
  'other',
] as const;
export type OfferLossReason = (typeof OFFER_LOSS_REASONS)[number];

/** Only a permanent, open-ended lease ends homelessness (000:L199); a transitional lease does not. */
export const LEASE_TYPES = ['permanent', 'transitional'] as const;
export type LeaseType = (typeof LEASE_TYPES)[number];

export const EVICTION_AVERTED_BY = [
  'arrears-paid',
  'payment-agreement',
  'benefits-granted',
  'landlord-withdrew',
  'other',
] as const;
export type EvictionAvertedBy = (typeof EVICTION_AVERTED_BY)[number];

/** An eviction is recorded as EvictionExecuted, which ends the tenancy by itself, so it is not a reason here. */
export const TENANCY_END_REASONS = [
  'moved-to-other-home',
  'terminated-by-tenant',
  'terminated-by-landlord',
  'transitional-lease-expired',
  'died',
  'other',
] as const;
export type TenancyEndReason = (typeof TENANCY_END_REASONS)[number];

export type WaitingListRegistered = {
  type: 'WaitingListRegistered';
  data: {
    citizenId: string;
    occurredAt: string;
    housingType: HousingType;
    /** kommunekode of the municipality the dwellings lie in */
    municipality: string;
    /** boligorganisation, e.g. 'fsb', when the list is an association's own */
    housingAssociation: string | null;
  };
};

export type AllocationRequested = {
  type: 'AllocationRequested';
  data: {
    citizenId: string;
    occurredAt: string;
    allocationRequestId: string;
    /** kommunekode of the municipality using its right to nominate (anvisningsret) */
    municipality: string;
    housingType: HousingType;
  };
};

export type HousingOffered = {
  type: 'HousingOffered';
  data: {
    citizenId: string;
    occurredAt: string;
    offerId: string;
    /** e.g. '2-værelses almen bolig, Valby': never an address or a name */
    dwelling: string;
    housingAssociation: string;
    monthlyRentKr: number;
    depositKr: number;
    /** 'YYYY-MM-DD' */
    leaseSigningDeadline: string;
    /** 'YYYY-MM-DD' */
    expectedMoveIn: string;
    /** the municipal allocation request this offer answers; null when the offer came another way */
    allocationRequestId: string | null;
  };
};

export type HousingOfferAccepted = {
  type: 'HousingOfferAccepted';
  data: { citizenId: string; occurredAt: string; offerId: string };
};

export type HousingOfferDeclined = {
  type: 'HousingOfferDeclined';
  data: { citizenId: string; occurredAt: string; offerId: string; reason: OfferLossReason };
};

export type HousingOfferLapsed = {
  type: 'HousingOfferLapsed';
  data: { citizenId: string; occurredAt: string; offerId: string; reason: OfferLossReason };
};

export type LeaseSigned = {
  type: 'LeaseSigned';
  data: {
    citizenId: string;
    occurredAt: string;
    offerId: string;
    leaseType: LeaseType;
    /** 'YYYY-MM-DD' */
    leaseStartsOn: string;
  };
};

export type MovedIn = {
  type: 'MovedIn';
  data: { citizenId: string; occurredAt: string; offerId: string };
};

export type RentArrearsReported = {
  type: 'RentArrearsReported';
  data: { citizenId: string; occurredAt: string; offerId: string; amountKr: number; monthsInArrears: number };
};

export type EvictionNoticeReceived = {
  type: 'EvictionNoticeReceived';
  data: {
    citizenId: string;
    occurredAt: string;
    offerId: string;
    /** date of the bailiff's eviction (fogedsag), 'YYYY-MM-DD' */
    bailiffDate: string;
  };
};

export type EvictionAverted = {
  type: 'EvictionAverted';
  data: { citizenId: string; occurredAt: string; offerId: string; avertedBy: EvictionAvertedBy };
};

export type EvictionExecuted = {
  type: 'EvictionExecuted';
  data: { citizenId: string; occurredAt: string; offerId: string };
};

export type TenancyEnded = {
  type: 'TenancyEnded';
  data: { citizenId: string; occurredAt: string; offerId: string; reason: TenancyEndReason };
};

export type HousingEvent =
  | WaitingListRegistered
  | AllocationRequested
  | HousingOffered
  | HousingOfferAccepted
  | HousingOfferDeclined
  | HousingOfferLapsed
  | LeaseSigned
  | MovedIn
  | RentArrearsReported
  | EvictionNoticeReceived
  | EvictionAverted
  | EvictionExecuted
  | TenancyEnded;

export type RegisterOnWaitingList = {
  type: 'RegisterOnWaitingList';
  citizenId: string;
  occurredAt: Date;
  housingType: HousingType;
  municipality: string;
  housingAssociation: string | null;
};

export type RequestAllocation = {
  type: 'RequestAllocation';
  citizenId: string;
  occurredAt: Date;
  allocationRequestId: string;
  municipality: string;
  housingType: HousingType;
};

/**
 * HF principle 1: deliberately no treatment, sobriety or housing-readiness field. Do not add one.
 */
export type OfferHousing = {
  type: 'OfferHousing';
  citizenId: string;
  occurredAt: Date;
  offerId: string;
  dwelling: string;
  housingAssociation: string;
  monthlyRentKr: number;
  depositKr: number;
  leaseSigningDeadline: string;
  expectedMoveIn: string;
  allocationRequestId: string | null;
};

export type AcceptHousingOffer = {
  type: 'AcceptHousingOffer';
  citizenId: string;
  occurredAt: Date;
  offerId: string;
};

export type DeclineHousingOffer = {
  type: 'DeclineHousingOffer';
  citizenId: string;
  occurredAt: Date;
  offerId: string;
  reason: OfferLossReason;
};

export type RecordHousingOfferLapsed = {
  type: 'RecordHousingOfferLapsed';
  citizenId: string;
  occurredAt: Date;
  offerId: string;
  reason: OfferLossReason;
};

export type SignLease = {
  type: 'SignLease';
  citizenId: string;
  occurredAt: Date;
  offerId: string;
  leaseType: LeaseType;
  leaseStartsOn: string;
};

/** `offerId` names the tenancy; when null, the citizen's only tenancy that fits is meant. */
export type RecordMoveIn = {
  type: 'RecordMoveIn';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
};

export type ReportRentArrears = {
  type: 'ReportRentArrears';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
  amountKr: number;
  monthsInArrears: number;
};

export type ReceiveEvictionNotice = {
  type: 'ReceiveEvictionNotice';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
  bailiffDate: string;
};

export type RecordEvictionAverted = {
  type: 'RecordEvictionAverted';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
  avertedBy: EvictionAvertedBy;
};

export type RecordEvictionExecuted = {
  type: 'RecordEvictionExecuted';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
};

export type EndTenancy = {
  type: 'EndTenancy';
  citizenId: string;
  occurredAt: Date;
  offerId: string | null;
  reason: TenancyEndReason;
};

export type HousingCommand =
  | RegisterOnWaitingList
  | RequestAllocation
  | OfferHousing
  | AcceptHousingOffer
  | DeclineHousingOffer
  | RecordHousingOfferLapsed
  | SignLease
  | RecordMoveIn
  | ReportRentArrears
  | ReceiveEvictionNotice
  | RecordEvictionAverted
  | RecordEvictionExecuted
  | EndTenancy;

export type HousingOfferStatus = 'offered' | 'accepted' | 'declined' | 'lapsed' | 'leased';

export type Tenancy = {
  leaseType: LeaseType;
  signedAt: string;
  movedInAt: string | null;
  /** the open eviction case (fogedsag), if any */
  evictionNotice: { receivedAt: string; bailiffDate: string } | null;
  endedAt: string | null;
};

export type HousingState = {
  allocationRequests: Record<string, { requestedAt: string }>;
  offers: Record<string, { status: HousingOfferStatus; offeredAt: string; acceptedAt: string | null }>;
  /** keyed by the offerId whose lease created the tenancy */
  tenancies: Record<string, Tenancy>;
};

/**
 * The citizen lives in a home of their own on a permanent, open-ended lease (000:L199): the fact other
 * processes ask for (e.g. whether a discharge is into homelessness).
 */
export function hasPermanentHome(state: HousingState): boolean {
  return Object.values(state.tenancies).some(
    (t) => t.endedAt === null && t.leaseType === 'permanent' && t.movedInAt !== null,
  );
}

const ms = (iso: string): number => Date.parse(iso);

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

function assertAmount(value: number, field: string, { allowZero }: { allowZero: boolean }): void {
  const ok =
    Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && Math.round(value * 100) === value * 100;
  if (!ok) {
    throw new DomainError(
      'rule-violation',
      'invalid-amount',
      `${field} must be ${allowZero ? 'zero or more' : 'more than zero'} kroner with at most 2 decimals`,
      { field },
    );
  }
}

function assertNotBeforeDay(
  date: string,
  occurredAt: Date,
  field: string,
  code: string,
  message: string,
): void {
  const day = copenhagenDate(occurredAt);
  if (date < day) {
    throw new DomainError('rule-violation', code, message, { field, [field]: date, occurredOn: day });
  }
}

function registerOnWaitingList(
  command: RegisterOnWaitingList,
  _state: HousingState,
  now: Date,
): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertKnownMunicipality(command.municipality, 'municipality');
  return [
    {
      type: 'WaitingListRegistered',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        housingType: command.housingType,
        municipality: command.municipality,
        housingAssociation: command.housingAssociation,
      },
    },
  ];
}

/**
 * Almenboligloven §59: the municipality may claim up to every fourth vacant family dwelling for citizens in
 * need. The quota itself is the housing association's and municipality's bookkeeping, not a rule here.
 */
function requestAllocation(command: RequestAllocation, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertKnownMunicipality(command.municipality, 'municipality');
  if (own(state.allocationRequests, command.allocationRequestId)) {
    throw new DomainError(
      'conflict',
      'allocation-request-id-reused',
      'An allocation request with this id was already recorded',
      { allocationRequestId: command.allocationRequestId },
    );
  }
  return [
    {
      type: 'AllocationRequested',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        allocationRequestId: command.allocationRequestId,
        municipality: command.municipality,
        housingType: command.housingType,
      },
    },
  ];
}

/**
 * HF principle 4 (002:L745-749): a past eviction never blocks an offer. This function reads only the offer and
 * allocation ids: tenancies, arrears and eviction history play no part, by design. Several offers may be open
 * at once (e.g. an almen bolig and a skæv bolig), and an offer may come while the citizen still has a
 * transitional lease.
 */
function offerHousing(command: OfferHousing, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertPlainDate(command.leaseSigningDeadline, 'leaseSigningDeadline');
  assertPlainDate(command.expectedMoveIn, 'expectedMoveIn');
  assertAmount(command.monthlyRentKr, 'monthlyRentKr', { allowZero: false });
  assertAmount(command.depositKr, 'depositKr', { allowZero: true });
  if (own(state.offers, command.offerId)) {
    throw new DomainError(
      'conflict',
      'housing-offer-id-reused',
      'An offer with this offerId was already recorded',
      {
        offerId: command.offerId,
      },
    );
  }
  if (command.allocationRequestId !== null && !own(state.allocationRequests, command.allocationRequestId)) {
    throw new DomainError(
      'not-found',
      'allocation-request-not-found',
      'No allocation request with this id was recorded',
      { allocationRequestId: command.allocationRequestId },
    );
  }
  assertNotBeforeDay(
    command.leaseSigningDeadline,
    command.occurredAt,
    'leaseSigningDeadline',
    'lease-signing-deadline-before-offer',
    'The lease-signing deadline lies before the day of the offer',
  );
  assertNotBeforeDay(
    command.expectedMoveIn,
    command.occurredAt,
    'expectedMoveIn',
    'move-in-before-offer',
    'The expected move-in date lies before the day of the offer',
  );
  return [
    {
      type: 'HousingOffered',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId: command.offerId,
        dwelling: command.dwelling,
        housingAssociation: command.housingAssociation,
        monthlyRentKr: command.monthlyRentKr,
        depositKr: command.depositKr,
        leaseSigningDeadline: command.leaseSigningDeadline,
        expectedMoveIn: command.expectedMoveIn,
        allocationRequestId: command.allocationRequestId,
      },
    },
  ];
}

function knownOffer(state: HousingState, offerId: string): HousingState['offers'][string] {
  const offer = own(state.offers, offerId);
  if (!offer) {
    throw new DomainError('not-found', 'housing-offer-not-found', 'No housing offer with this offerId', {
      offerId,
    });
  }
  return offer;
}

function assertAnsweredAfterOffer(
  occurredAt: Date,
  offer: HousingState['offers'][string],
  offerId: string,
): void {
  if (occurredAt.getTime() < ms(offer.offeredAt)) {
    throw new DomainError(
      'rule-violation',
      'offer-answered-before-offer',
      'An offer cannot be answered before it was made',
      { offerId, offeredAt: offer.offeredAt },
    );
  }
}

/**
 * Accepting is possible once, from `offered`. Not checked: the lease-signing deadline. Associations extend
 * deadlines, and a lapse is a fact someone reports (HousingOfferLapsed), not something inferred from a date.
 */
function acceptOffer(command: AcceptHousingOffer, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const offer = knownOffer(state, command.offerId);
  if (offer.status !== 'offered') {
    throw new DomainError(
      'conflict',
      'housing-offer-already-answered',
      `The housing offer was already answered (${offer.status})`,
      { offerId: command.offerId, status: offer.status },
    );
  }
  assertAnsweredAfterOffer(command.occurredAt, offer, command.offerId);
  return [
    {
      type: 'HousingOfferAccepted',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId: command.offerId,
      },
    },
  ];
}

/**
 * An offer is open until it is declined, lapses or gets a lease. An ACCEPTED offer is still open: the very case
 * the product exists for is the accepted offer that lapses because the deposit decision takes weeks
 * (001:L3409), and a citizen may still turn an accepted offer down before signing (e.g. too expensive once the
 * benefits decision is known).
 */
function loseOffer(
  command: DeclineHousingOffer | RecordHousingOfferLapsed,
  state: HousingState,
  now: Date,
): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const offer = knownOffer(state, command.offerId);
  if (offer.status !== 'offered' && offer.status !== 'accepted') {
    throw new DomainError(
      'conflict',
      'housing-offer-not-open',
      `The housing offer is no longer open (${offer.status})`,
      { offerId: command.offerId, status: offer.status },
    );
  }
  assertAnsweredAfterOffer(command.occurredAt, offer, command.offerId);
  const data = {
    citizenId: command.citizenId,
    occurredAt: command.occurredAt.toISOString(),
    offerId: command.offerId,
    reason: command.reason,
  };
  return command.type === 'DeclineHousingOffer'
    ? [{ type: 'HousingOfferDeclined', data }]
    : [{ type: 'HousingOfferLapsed', data }];
}

function signLease(command: SignLease, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertPlainDate(command.leaseStartsOn, 'leaseStartsOn');
  const offer = knownOffer(state, command.offerId);
  if (offer.status === 'leased') {
    throw new DomainError('conflict', 'lease-already-signed', 'A lease was already signed for this offer', {
      offerId: command.offerId,
    });
  }
  if (offer.status !== 'accepted' || offer.acceptedAt === null) {
    throw new DomainError(
      'conflict',
      'housing-offer-not-accepted',
      `A lease can only be signed for an accepted offer (this one is ${offer.status})`,
      { offerId: command.offerId, status: offer.status },
    );
  }
  if (command.occurredAt.getTime() < ms(offer.acceptedAt)) {
    throw new DomainError(
      'rule-violation',
      'lease-before-acceptance',
      'A lease cannot be signed before the offer was accepted',
      { offerId: command.offerId, acceptedAt: offer.acceptedAt },
    );
  }
  return [
    {
      type: 'LeaseSigned',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId: command.offerId,
        leaseType: command.leaseType,
        leaseStartsOn: command.leaseStartsOn,
      },
    },
  ];
}

const noCurrentTenancy = () =>
  new DomainError('conflict', 'no-current-tenancy', 'The citizen has no current tenancy');

/**
 * Finds the tenancy a command is about. With an offerId: that offer's tenancy, which must be current. Without:
 * the only current tenancy that `fits`; two that fit (e.g. a transitional and a new permanent lease) make the
 * command ambiguous, and the caller must name the offer.
 */
function tenancyFor(
  state: HousingState,
  offerId: string | null,
  fits: (t: Tenancy) => boolean,
  noneFits: () => DomainError,
): [string, Tenancy] {
  if (offerId !== null) {
    const offer = knownOffer(state, offerId);
    const tenancy = own(state.tenancies, offerId);
    if (!tenancy) {
      throw new DomainError(
        'conflict',
        'no-lease-signed',
        `No lease was signed for this offer (${offer.status})`,
        {
          offerId,
          status: offer.status,
        },
      );
    }
    if (tenancy.endedAt !== null) {
      throw new DomainError('conflict', 'tenancy-not-current', 'This tenancy has ended', {
        offerId,
        endedAt: tenancy.endedAt,
      });
    }
    return [offerId, tenancy];
  }
  const current = Object.entries(state.tenancies).filter(([, t]) => t.endedAt === null);
  if (current.length === 0) throw noCurrentTenancy();
  const fitting = current.filter(([, t]) => fits(t));
  if (fitting.length === 0) throw noneFits();
  if (fitting.length > 1) {
    throw new DomainError(
      'rule-violation',
      'tenancy-ambiguous',
      'The citizen has more than one current tenancy: name the offerId',
      { offerIds: fitting.map(([id]) => id) },
    );
  }
  return fitting[0];
}

const anyTenancy = () => true;

function recordMoveIn(command: RecordMoveIn, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alreadyMovedIn = (offerId?: string) =>
    new DomainError(
      'conflict',
      'already-moved-in',
      'The citizen has already moved in',
      offerId ? { offerId } : {},
    );
  // "Moved in only after a lease": with no tenancy at all, the missing lease is the rule that was broken.
  if (command.offerId === null && !Object.values(state.tenancies).some((t) => t.endedAt === null)) {
    throw new DomainError(
      'conflict',
      'no-lease-signed',
      'The citizen cannot move in before a lease is signed',
    );
  }
  const [offerId, tenancy] = tenancyFor(state, command.offerId, (t) => t.movedInAt === null, alreadyMovedIn);
  if (tenancy.movedInAt !== null) throw alreadyMovedIn(offerId);
  if (command.occurredAt.getTime() < ms(tenancy.signedAt)) {
    throw new DomainError(
      'rule-violation',
      'move-in-before-lease',
      'Move-in cannot precede the lease signing',
      {
        offerId,
        leaseSignedAt: tenancy.signedAt,
      },
    );
  }
  return [
    {
      type: 'MovedIn',
      data: { citizenId: command.citizenId, occurredAt: command.occurredAt.toISOString(), offerId },
    },
  ];
}

function assertNotBeforeLease(occurredAt: Date, tenancy: Tenancy, offerId: string, code: string): void {
  if (occurredAt.getTime() < ms(tenancy.signedAt)) {
    throw new DomainError('rule-violation', code, 'This cannot precede the lease signing', {
      offerId,
      leaseSignedAt: tenancy.signedAt,
    });
  }
}

function reportRentArrears(command: ReportRentArrears, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertAmount(command.amountKr, 'amountKr', { allowZero: false });
  if (!Number.isInteger(command.monthsInArrears) || command.monthsInArrears < 1) {
    throw new DomainError(
      'rule-violation',
      'invalid-months-in-arrears',
      'monthsInArrears must be a whole number of at least 1',
    );
  }
  const [offerId, tenancy] = tenancyFor(state, command.offerId, anyTenancy, noCurrentTenancy);
  assertNotBeforeLease(command.occurredAt, tenancy, offerId, 'arrears-before-lease');
  return [
    {
      type: 'RentArrearsReported',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId,
        amountKr: command.amountKr,
        monthsInArrears: command.monthsInArrears,
      },
    },
  ];
}

function receiveEvictionNotice(
  command: ReceiveEvictionNotice,
  state: HousingState,
  now: Date,
): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertPlainDate(command.bailiffDate, 'bailiffDate');
  const [offerId, tenancy] = tenancyFor(state, command.offerId, anyTenancy, noCurrentTenancy);
  if (tenancy.evictionNotice !== null) {
    throw new DomainError(
      'conflict',
      'eviction-case-already-open',
      'An eviction case for this tenancy is already open',
      { offerId, bailiffDate: tenancy.evictionNotice.bailiffDate },
    );
  }
  assertNotBeforeLease(command.occurredAt, tenancy, offerId, 'eviction-notice-before-lease');
  assertNotBeforeDay(
    command.bailiffDate,
    command.occurredAt,
    'bailiffDate',
    'bailiff-date-before-notice',
    'The bailiff date lies before the day the notice was received',
  );
  return [
    {
      type: 'EvictionNoticeReceived',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId,
        bailiffDate: command.bailiffDate,
      },
    },
  ];
}

function evictionCase(
  command: RecordEvictionAverted | RecordEvictionExecuted,
  state: HousingState,
): [string, { receivedAt: string; bailiffDate: string }] {
  const noOpenCase = (offerId?: string) =>
    new DomainError(
      'conflict',
      'no-open-eviction-case',
      'There is no open eviction case for the tenancy',
      offerId ? { offerId } : {},
    );
  const [offerId, tenancy] = tenancyFor(state, command.offerId, (t) => t.evictionNotice !== null, noOpenCase);
  if (tenancy.evictionNotice === null) throw noOpenCase(offerId);
  if (command.occurredAt.getTime() < ms(tenancy.evictionNotice.receivedAt)) {
    throw new DomainError(
      'rule-violation',
      'eviction-outcome-before-notice',
      'An eviction case cannot end before its notice was received',
      { offerId, noticeReceivedAt: tenancy.evictionNotice.receivedAt },
    );
  }
  return [offerId, tenancy.evictionNotice];
}

function recordEvictionAverted(
  command: RecordEvictionAverted,
  state: HousingState,
  now: Date,
): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const [offerId] = evictionCase(command, state);
  return [
    {
      type: 'EvictionAverted',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId,
        avertedBy: command.avertedBy,
      },
    },
  ];
}

/** Ends the tenancy. It does not end support (002:L636-640), and it never blocks a later offer. */
function recordEvictionExecuted(
  command: RecordEvictionExecuted,
  state: HousingState,
  now: Date,
): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const [offerId] = evictionCase(command, state);
  return [
    {
      type: 'EvictionExecuted',
      data: { citizenId: command.citizenId, occurredAt: command.occurredAt.toISOString(), offerId },
    },
  ];
}

/** An open eviction case is closed with the tenancy (the tenant may move out before the bailiff comes). */
function endTenancy(command: EndTenancy, state: HousingState, now: Date): HousingEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const [offerId, tenancy] = tenancyFor(state, command.offerId, anyTenancy, noCurrentTenancy);
  if (command.occurredAt.getTime() < ms(tenancy.signedAt)) {
    throw new DomainError(
      'rule-violation',
      'tenancy-end-before-lease',
      'A tenancy cannot end before its lease',
      {
        offerId,
        leaseSignedAt: tenancy.signedAt,
      },
    );
  }
  return [
    {
      type: 'TenancyEnded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        offerId,
        reason: command.reason,
      },
    },
  ];
}

function withOffer(
  state: HousingState,
  offerId: string,
  change: Partial<HousingState['offers'][string]>,
): HousingState {
  const offer = own(state.offers, offerId);
  return offer ? { ...state, offers: { ...state.offers, [offerId]: { ...offer, ...change } } } : state;
}

function withTenancy(state: HousingState, offerId: string, change: Partial<Tenancy>): HousingState {
  const tenancy = own(state.tenancies, offerId);
  return tenancy
    ? { ...state, tenancies: { ...state.tenancies, [offerId]: { ...tenancy, ...change } } }
    : state;
}

export const housingDecider: Decider<HousingCommand, HousingState, HousingEvent> = {
  initialState: () => ({ allocationRequests: {}, offers: {}, tenancies: {} }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RegisterOnWaitingList':
        return registerOnWaitingList(command, state, now);
      case 'RequestAllocation':
        return requestAllocation(command, state, now);
      case 'OfferHousing':
        return offerHousing(command, state, now);
      case 'AcceptHousingOffer':
        return acceptOffer(command, state, now);
      case 'DeclineHousingOffer':
      case 'RecordHousingOfferLapsed':
        return loseOffer(command, state, now);
      case 'SignLease':
        return signLease(command, state, now);
      case 'RecordMoveIn':
        return recordMoveIn(command, state, now);
      case 'ReportRentArrears':
        return reportRentArrears(command, state, now);
      case 'ReceiveEvictionNotice':
        return receiveEvictionNotice(command, state, now);
      case 'RecordEvictionAverted':
        return recordEvictionAverted(command, state, now);
      case 'RecordEvictionExecuted':
        return recordEvictionExecuted(command, state, now);
      case 'EndTenancy':
        return endTenancy(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'WaitingListRegistered':
        return state;
      case 'AllocationRequested':
        return {
          ...state,
          allocationRequests: {
            ...state.allocationRequests,
            [event.data.allocationRequestId]: { requestedAt: event.data.occurredAt },
          },
        };
      case 'HousingOffered':
        return {
          ...state,
          offers: {
            ...state.offers,
            [event.data.offerId]: { status: 'offered', offeredAt: event.data.occurredAt, acceptedAt: null },
          },
        };
      case 'HousingOfferAccepted':
        return withOffer(state, event.data.offerId, {
          status: 'accepted',
          acceptedAt: event.data.occurredAt,
        });
      case 'HousingOfferDeclined':
        return withOffer(state, event.data.offerId, { status: 'declined' });
      case 'HousingOfferLapsed':
        return withOffer(state, event.data.offerId, { status: 'lapsed' });
      case 'LeaseSigned': {
        const leased = withOffer(state, event.data.offerId, { status: 'leased' });
        return {
          ...leased,
          tenancies: {
            ...leased.tenancies,
            [event.data.offerId]: {
              leaseType: event.data.leaseType,
              signedAt: event.data.occurredAt,
              movedInAt: null,
              evictionNotice: null,
              endedAt: null,
            },
          },
        };
      }
      case 'MovedIn':
        return withTenancy(state, event.data.offerId, { movedInAt: event.data.occurredAt });
      case 'RentArrearsReported':
        return state;
      case 'EvictionNoticeReceived':
        return withTenancy(state, event.data.offerId, {
          evictionNotice: { receivedAt: event.data.occurredAt, bailiffDate: event.data.bailiffDate },
        });
      case 'EvictionAverted':
        return withTenancy(state, event.data.offerId, { evictionNotice: null });
      case 'EvictionExecuted':
      case 'TenancyEnded':
        return withTenancy(state, event.data.offerId, {
          evictionNotice: null,
          endedAt: event.data.occurredAt,
        });
      default:
        return assertNever(event);
    }
  },
};

/** Amounts as English text with thousands separators: 16350 -> '16,350 kr', 4850.5 -> '4,850.50 kr'. */
export function formatKr(amount: number): string {
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${grouped}${fraction === '00' ? '' : `.${fraction}`} kr`;
}

const HOUSING_TYPE_TEXT: Record<HousingType, string> = {
  'almen-bolig': 'almen bolig (social housing)',
  'skaev-bolig': 'skæv bolig (alternative housing)',
  'almen-ungdomsbolig': 'almen ungdomsbolig (youth housing)',
  'almen-aeldrebolig': 'almen ældrebolig (housing for the elderly)',
  'private-rental': 'private rental',
  'transitional-housing': 'transitional housing',
  other: 'other housing',
};

const LOSS_TEXT: Record<OfferLossReason, string> = {
  'too-expensive': 'too expensive',
  debt: 'debt',
  'flexible-letting-rule': 'flexible letting rule',
  'citizen-declined': 'the citizen declined',
  'benefits-processing-time': 'benefits processing time',
  other: 'other reason',
};

const AVERTED_TEXT: Record<EvictionAvertedBy, string> = {
  'arrears-paid': 'arrears paid',
  'payment-agreement': 'payment agreement',
  'benefits-granted': 'benefits granted',
  'landlord-withdrew': 'landlord withdrew the case',
  other: 'other',
};

const END_TEXT: Record<TenancyEndReason, string> = {
  'moved-to-other-home': 'moved to another home',
  'terminated-by-tenant': 'terminated by the tenant',
  'terminated-by-landlord': 'terminated by the landlord',
  'transitional-lease-expired': 'transitional lease expired',
  died: 'the tenant died',
  other: 'other reason',
};

const inMunicipality = (code: string): string => municipalityName(code) ?? `municipality ${code}`;

/**
 * Timeline lines: dwelling descriptions (never addresses), association names, amounts, dates and codes.
 * Offer ids are left out: they mean nothing to a reader, and the event itself carries them.
 */
export function summarizeHousing(event: HousingEvent): string {
  switch (event.type) {
    case 'WaitingListRegistered': {
      const d = event.data;
      return `Registered on the waiting list for ${HOUSING_TYPE_TEXT[d.housingType]} in ${inMunicipality(d.municipality)}${d.housingAssociation ? ` (${d.housingAssociation})` : ''}`;
    }
    case 'AllocationRequested':
      return `Municipal allocation (almenboligloven §59) requested by ${inMunicipality(event.data.municipality)} for ${HOUSING_TYPE_TEXT[event.data.housingType]}`;
    case 'HousingOffered': {
      const d = event.data;
      return (
        `Housing offered: ${d.dwelling} (${d.housingAssociation}), rent ${formatKr(d.monthlyRentKr)}/month, ` +
        `deposit ${formatKr(d.depositKr)}; sign lease by ${d.leaseSigningDeadline}, expected move-in ${d.expectedMoveIn}` +
        (d.allocationRequestId ? '; via municipal allocation' : '')
      );
    }
    case 'HousingOfferAccepted':
      return 'Housing offer accepted';
    case 'HousingOfferDeclined':
      return `Housing offer declined: ${LOSS_TEXT[event.data.reason]}`;
    case 'HousingOfferLapsed':
      return `Housing offer lapsed: ${LOSS_TEXT[event.data.reason]}`;
    case 'LeaseSigned':
      return event.data.leaseType === 'permanent'
        ? `Permanent lease signed, starting ${event.data.leaseStartsOn} (ends homelessness on move-in)`
        : `Transitional lease signed, starting ${event.data.leaseStartsOn} (does not end homelessness)`;
    case 'MovedIn':
      return 'Moved in';
    case 'RentArrearsReported': {
      const months = event.data.monthsInArrears;
      return `Rent arrears reported: ${formatKr(event.data.amountKr)} (${months} month${months === 1 ? '' : 's'})`;
    }
    case 'EvictionNoticeReceived':
      return `Eviction notice received (fogedsag); bailiff date ${event.data.bailiffDate}`;
    case 'EvictionAverted':
      return `Eviction averted: ${AVERTED_TEXT[event.data.avertedBy]}`;
    case 'EvictionExecuted':
      return 'Eviction executed; tenancy ended';
    case 'TenancyEnded':
      return `Tenancy ended: ${END_TEXT[event.data.reason]}`;
    default:
      return assertNever(event);
  }
}

/**
 * Only the allocation request names a statute of its own (almenboligloven §59, anvisningsret). An offer may
 * come through that nomination or through an ordinary waiting list, so HousingOffered carries no fixed legal
 * basis; the link to the allocation request says which.
 */
export const housingProcess: ProcessDefinition<HousingCommand, HousingState, HousingEvent> = {
  name: 'housing',
  streamId: housingStreamId,
  decider: housingDecider,
  events: {
    WaitingListRegistered: { schemaVersion: 1, category: 'housing' },
    AllocationRequested: { schemaVersion: 1, category: 'housing', legalBasis: 'almenboligloven §59' },
    HousingOffered: { schemaVersion: 1, category: 'housing' },
    HousingOfferAccepted: { schemaVersion: 1, category: 'housing' },
    HousingOfferDeclined: { schemaVersion: 1, category: 'housing' },
    HousingOfferLapsed: { schemaVersion: 1, category: 'housing' },
    LeaseSigned: { schemaVersion: 1, category: 'housing' },
    MovedIn: { schemaVersion: 1, category: 'housing' },
    RentArrearsReported: { schemaVersion: 1, category: 'housing' },
    EvictionNoticeReceived: { schemaVersion: 1, category: 'housing' },
    EvictionAverted: { schemaVersion: 1, category: 'housing' },
    EvictionExecuted: { schemaVersion: 1, category: 'housing' },
    TenancyEnded: { schemaVersion: 1, category: 'housing' },
  },
  summarize: summarizeHousing,
};
