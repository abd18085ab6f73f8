import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  AcceptHousingOffer,
  AllocationRequested,
  DeclineHousingOffer,
  EndTenancy,
  EvictionAverted,
  EvictionExecuted,
  EvictionNoticeReceived,
  formatKr,
  hasPermanentHome,
  housingDecider,
  HousingEvent,
  HousingOfferAccepted,
  HousingOfferDeclined,
  HousingOffered,
  HousingOfferLapsed,
  housingProcess,
  housingStreamId,
  LeaseSigned,
  MovedIn,
  OfferHousing,
  ReceiveEvictionNotice,
  RecordEvictionAverted,
  RecordEvictionExecuted,
  RecordHousingOfferLapsed,
  RecordMoveIn,
  RegisterOnWaitingList,
  RentArrearsReported,
  ReportRentArrears,
  RequestAllocation,
  SignLease,
  summarizeHousing,
  TenancyEnded,
  WaitingListRegistered,
} from './housing';
import { copenhagenDate, isPlainDate } from '../calendar';

const citizenId = '9d3b6e21-4c5a-4f7e-8b1d-2e3f4a5b6c7d';
const spec = specFor(housingDecider);
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);
const at = (iso: string) => new Date(iso);

// --- commands -------------------------------------------------------------------------------------------

const registerOnList = (o: Partial<RegisterOnWaitingList> = {}): RegisterOnWaitingList => ({
  type: 'RegisterOnWaitingList',
  citizenId,
  occurredAt: at('2025-09-01T10:00:00Z'),
  housingType: 'almen-bolig',
  municipality: '101',
  housingAssociation: 'fsb',
  ...o,
});

const requestAllocation = (o: Partial<RequestAllocation> = {}): RequestAllocation => ({
  type: 'RequestAllocation',
  citizenId,
  occurredAt: at('2025-09-15T10:00:00Z'),
  allocationRequestId: 'alloc-1',
  municipality: '101',
  housingType: 'almen-bolig',
  ...o,
});

const offer = (o: Partial<OfferHousing> = {}): OfferHousing => ({
  type: 'OfferHousing',
  citizenId,
  occurredAt: at('2025-10-06T09:00:00Z'),
  offerId: 'offer-1',
  dwelling: '2-værelses almen bolig, Valby',
  housingAssociation: 'fsb',
  monthlyRentKr: 5450,
  depositKr: 16350,
  leaseSigningDeadline: '2025-10-20',
  expectedMoveIn: '2025-11-01',
  allocationRequestId: 'alloc-1',
  ...o,
});

const accept = (o: Partial<AcceptHousingOffer> = {}): AcceptHousingOffer => ({
  type: 'AcceptHousingOffer',
  citizenId,
  occurredAt: at('2025-10-07T11:00:00Z'),
  offerId: 'offer-1',
  ...o,
});

const decline = (o: Partial<DeclineHousingOffer> = {}): DeclineHousingOffer => ({
  type: 'DeclineHousingOffer',
  citizenId,
  occurredAt: at('2025-10-08T11:00:00Z'),
  offerId: 'offer-1',
  reason: 'too-expensive',
  ...o,
});

const lapse = (o: Partial<RecordHousingOfferLapsed> = {}): RecordHousingOfferLapsed => ({
  type: 'RecordHousingOfferLapsed',
  citizenId,
  occurredAt: at('2025-10-21T08:00:00Z'),
  offerId: 'offer-1',
  reason: 'benefits-processing-time',
  ...o,
});

const signLease = (o: Partial<SignLease> = {}): SignLease => ({
  type: 'SignLease',
  citizenId,
  occurredAt: at('2025-10-14T12:00:00Z'),
  offerId: 'offer-1',
  leaseType: 'permanent',
  leaseStartsOn: '2025-11-01',
  ...o,
});

const moveIn = (o: Partial<RecordMoveIn> = {}): RecordMoveIn => ({
  type: 'RecordMoveIn',
  citizenId,
  occurredAt: at('2025-11-01T13:00:00Z'),
  offerId: null,
  ...o,
});

const reportArrears = (o: Partial<ReportRentArrears> = {}): ReportRentArrears => ({
  type: 'ReportRentArrears',
  citizenId,
  occurredAt: at('2026-01-15T09:00:00Z'),
  offerId: null,
  amountKr: 10900,
  monthsInArrears: 2,
  ...o,
});

const receiveNotice = (o: Partial<ReceiveEvictionNotice> = {}): ReceiveEvictionNotice => ({
  type: 'ReceiveEvictionNotice',
  citizenId,
  occurredAt: at('2026-02-02T09:00:00Z'),
  offerId: null,
  bailiffDate: '2026-03-17',
  ...o,
});

const avert = (o: Partial<RecordEvictionAverted> = {}): RecordEvictionAverted => ({
  type: 'RecordEvictionAverted',
  citizenId,
  occurredAt: at('2026-02-20T14:00:00Z'),
  offerId: null,
  avertedBy: 'payment-agreement',
  ...o,
});

const execute = (o: Partial<RecordEvictionExecuted> = {}): RecordEvictionExecuted => ({
  type: 'RecordEvictionExecuted',
  citizenId,
  occurredAt: at('2026-02-25T08:00:00Z'),
  offerId: null,
  ...o,
});

const endTenancy = (o: Partial<EndTenancy> = {}): EndTenancy => ({
  type: 'EndTenancy',
  citizenId,
  occurredAt: at('2026-02-28T12:00:00Z'),
  offerId: null,
  reason: 'terminated-by-tenant',
  ...o,
});

// --- events ---------------------------------------------------------------------------------------------

const registered = (o: Partial<WaitingListRegistered['data']> = {}): WaitingListRegistered => ({
  type: 'WaitingListRegistered',
  data: {
    citizenId,
    occurredAt: '2025-09-01T10:00:00.000Z',
    housingType: 'almen-bolig',
    municipality: '101',
    housingAssociation: 'fsb',
    ...o,
  },
});

const allocationRequested = (o: Partial<AllocationRequested['data']> = {}): AllocationRequested => ({
  type: 'AllocationRequested',
  data: {
    citizenId,
    occurredAt: '2025-09-15T10:00:00.000Z',
    allocationRequestId: 'alloc-1',
    municipality: '101',
    housingType: 'almen-bolig',
    ...o,
  },
});

const offered = (o: Partial<HousingOffered['data']> = {}): HousingOffered => ({
  type: 'HousingOffered',
  data: {
    citizenId,
    occurredAt: '2025-10-06T09:00:00.000Z',
    offerId: 'offer-1',
    dwelling: '2-værelses almen bolig, Valby',
    housingAssociation: 'fsb',
    monthlyRentKr: 5450,
    depositKr: 16350,
    leaseSigningDeadline: '2025-10-20',
    expectedMoveIn: '2025-11-01',
    allocationRequestId: 'alloc-1',
    ...o,
  },
});

const accepted = (o: Partial<HousingOfferAccepted['data']> = {}): HousingOfferAccepted => ({
  type: 'HousingOfferAccepted',
  data: { citizenId, occurredAt: '2025-10-07T11:00:00.000Z', offerId: 'offer-1', ...o },
});

const declined = (o: Partial<HousingOfferDeclined['data']> = {}): HousingOfferDeclined => ({
  type: 'HousingOfferDeclined',
  data: {
    citizenId,
    occurredAt: '2025-10-08T11:00:00.000Z',
    offerId: 'offer-1',
    reason: 'too-expensive',
    ...o,
  },
});

const lapsed = (o: Partial<HousingOfferLapsed['data']> = {}): HousingOfferLapsed => ({
  type: 'HousingOfferLapsed',
  data: {
    citizenId,
    occurredAt: '2025-10-21T08:00:00.000Z',
    offerId: 'offer-1',
    reason: 'benefits-processing-time',
    ...o,
  },
});

const leaseSigned = (o: Partial<LeaseSigned['data']> = {}): LeaseSigned => ({
  type: 'LeaseSigned',
  data: {
    citizenId,
    occurredAt: '2025-10-14T12:00:00.000Z',
    offerId: 'offer-1',
    leaseType: 'permanent',
    leaseStartsOn: '2025-11-01',
    ...o,
  },
});

const movedIn = (o: Partial<MovedIn['data']> = {}): MovedIn => ({
  type: 'MovedIn',
  data: { citizenId, occurredAt: '2025-11-01T13:00:00.000Z', offerId: 'offer-1', ...o },
});

const arrearsReported = (o: Partial<RentArrearsReported['data']> = {}): RentArrearsReported => ({
  type: 'RentArrearsReported',
  data: {
    citizenId,
    occurredAt: '2026-01-15T09:00:00.000Z',
    offerId: 'offer-1',
    amountKr: 10900,
    monthsInArrears: 2,
    ...o,
  },
});

const noticeReceived = (o: Partial<EvictionNoticeReceived['data']> = {}): EvictionNoticeReceived => ({
  type: 'EvictionNoticeReceived',
  data: {
    citizenId,
    occurredAt: '2026-02-02T09:00:00.000Z',
    offerId: 'offer-1',
    bailiffDate: '2026-03-17',
    ...o,
  },
});

const averted = (o: Partial<EvictionAverted['data']> = {}): EvictionAverted => ({
  type: 'EvictionAverted',
  data: {
    citizenId,
    occurredAt: '2026-02-20T14:00:00.000Z',
    offerId: 'offer-1',
    avertedBy: 'payment-agreement',
    ...o,
  },
});

const executed = (o: Partial<EvictionExecuted['data']> = {}): EvictionExecuted => ({
  type: 'EvictionExecuted',
  data: { citizenId, occurredAt: '2026-02-25T08:00:00.000Z', offerId: 'offer-1', ...o },
});

const ended = (o: Partial<TenancyEnded['data']> = {}): TenancyEnded => ({
  type: 'TenancyEnded',
  data: {
    citizenId,
    occurredAt: '2026-02-28T12:00:00.000Z',
    offerId: 'offer-1',
    reason: 'terminated-by-tenant',
    ...o,
  },
});

/** offer-1 offered, accepted and leased: a tenancy that has not been moved into yet */
const leased: HousingEvent[] = [allocationRequested(), offered(), accepted(), leaseSigned()];
/** ...and moved in */
const living: HousingEvent[] = [...leased, movedIn()];
/** ...with an open eviction case */
const facingEviction: HousingEvent[] = [...living, noticeReceived()];

/** A second, transitional-to-permanent move: offer-2 leased while the citizen still lives in offer-1 */
const secondOffer = {
  offerId: 'offer-2',
  occurredAt: '2026-01-05T09:00:00.000Z',
  leaseSigningDeadline: '2026-01-20',
  expectedMoveIn: '2026-02-01',
  allocationRequestId: null,
} as const;
const twoTenancies: HousingEvent[] = [
  ...living,
  offered(secondOffer),
  accepted({ offerId: 'offer-2', occurredAt: '2026-01-06T09:00:00.000Z' }),
  leaseSigned({ offerId: 'offer-2', occurredAt: '2026-01-12T09:00:00.000Z', leaseStartsOn: '2026-02-01' }),
];

describe('Housing', () => {
  it('one stream per citizen', () => {
    expect(housingStreamId(citizenId)).toBe(`housing-${citizenId}`);
  });

  it('declares category housing for every event and almenboligloven §59 on the allocation request', () => {
    for (const info of Object.values(housingProcess.events)) expect(info.category).toBe('housing');
    expect(housingProcess.events.AllocationRequested.legalBasis).toBe('almenboligloven §59');
  });

  describe('RegisterOnWaitingList', () => {
    it('given nothing, when registered, then WaitingListRegistered', () => {
      spec([]).when(registerOnList()).then([registered()]);
    });

    it('given a registration, when registered on another list without an association, then recorded', () => {
      spec([registered()])
        .when(registerOnList({ housingType: 'skaev-bolig', municipality: '751', housingAssociation: null }))
        .then([registered({ housingType: 'skaev-bolig', municipality: '751', housingAssociation: null })]);
    });

    it('when the municipality is unknown, then rule violation', () => {
      spec([])
        .when(registerOnList({ municipality: '999' }))
        .thenThrows('unknown-municipality', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(registerOnList({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RequestAllocation (almenboligloven §59)', () => {
    it('given nothing, when requested, then AllocationRequested', () => {
      spec([]).when(requestAllocation()).then([allocationRequested()]);
    });

    it('given a request, when requested with the same id, then conflict', () => {
      spec([allocationRequested()])
        .when(requestAllocation())
        .thenThrows('allocation-request-id-reused', 'conflict');
    });

    it('when the municipality is unknown, then rule violation', () => {
      spec([])
        .when(requestAllocation({ municipality: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(requestAllocation({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('OfferHousing', () => {
    it('given an allocation request, when housing is offered through it, then HousingOffered', () => {
      spec([allocationRequested()]).when(offer()).then([offered()]);
    });

    it('given nothing, when housing is offered outside allocation, then HousingOffered without a request id', () => {
      spec([])
        .when(offer({ allocationRequestId: null, depositKr: 0, monthlyRentKr: 4850.5 }))
        .then([offered({ allocationRequestId: null, depositKr: 0, monthlyRentKr: 4850.5 })]);
    });

    it('given an open offer, when a second dwelling is offered, then both can be open at once', () => {
      spec([allocationRequested(), offered()])
        .when(
          offer({
            offerId: 'offer-2',
            dwelling: '1-værelses skæv bolig, Sydhavnen',
            allocationRequestId: null,
          }),
        )
        .then([
          offered({
            offerId: 'offer-2',
            dwelling: '1-værelses skæv bolig, Sydhavnen',
            allocationRequestId: null,
          }),
        ]);
    });

    it('HF principle 4: given an executed eviction, when housing is offered, then HousingOffered', () => {
      const newOffer = {
        offerId: 'offer-2',
        occurredAt: '2026-03-02T09:00:00.000Z',
        leaseSigningDeadline: '2026-03-20',
        expectedMoveIn: '2026-04-01',
        allocationRequestId: null,
      };
      spec([...facingEviction, arrearsReported(), executed()])
        .when(offer({ ...newOffer, occurredAt: at(newOffer.occurredAt) }))
        .then([offered(newOffer)]);
    });

    it('HF principle 1: an offer cannot carry treatment, sobriety or readiness conditions', () => {
      const fields = Object.keys(offered().data);
      for (const forbidden of [/sobriety/i, /treatment/i, /readiness/i, /ready/i, /condition/i]) {
        expect(fields.filter((f) => forbidden.test(f))).toEqual([]);
      }
    });

    it('given an offer, when offered again with its id, then conflict', () => {
      spec([allocationRequested(), offered()])
        .when(offer())
        .thenThrows('housing-offer-id-reused', 'conflict');
    });

    it('given no allocation request, when offered through one, then not found', () => {
      const error = spec([]).when(offer()).thenThrows('allocation-request-not-found', 'not-found');
      expect(error.details).toEqual({ allocationRequestId: 'alloc-1' });
    });

    it('when the lease-signing deadline lies before the day of the offer, then rule violation', () => {
      spec([allocationRequested()])
        .when(offer({ leaseSigningDeadline: '2025-10-05' }))
        .thenThrows('lease-signing-deadline-before-offer', 'rule-violation');
    });

    it('when the deadline is the Danish day of an offer made just after midnight, then accepted', () => {
      // 00:30 Danish summer time on 6 October is 22:30 UTC on 5 October.
      spec([allocationRequested()])
        .when(offer({ occurredAt: at('2025-10-05T22:30:00Z'), leaseSigningDeadline: '2025-10-06' }))
        .then([offered({ occurredAt: '2025-10-05T22:30:00.000Z', leaseSigningDeadline: '2025-10-06' })]);
    });

    it('when the expected move-in lies before the day of the offer, then rule violation', () => {
      spec([allocationRequested()])
        .when(offer({ expectedMoveIn: '2025-10-01' }))
        .thenThrows('move-in-before-offer', 'rule-violation');
    });

    it('when a date is not a calendar date, then rule violation', () => {
      const error = spec([allocationRequested()])
        .when(offer({ leaseSigningDeadline: '2025-02-29' }))
        .thenThrows('invalid-date', 'rule-violation');
      expect(error.details).toEqual({ field: 'leaseSigningDeadline' });
    });

    it('when the rent is not positive, then rule violation', () => {
      spec([allocationRequested()])
        .when(offer({ monthlyRentKr: 0 }))
        .thenThrows('invalid-amount', 'rule-violation');
    });

    it('when the deposit is negative or has more than 2 decimals, then rule violation', () => {
      spec([allocationRequested()])
        .when(offer({ depositKr: -1 }))
        .thenThrows('invalid-amount', 'rule-violation');
      spec([allocationRequested()])
        .when(offer({ depositKr: 100.005 }))
        .thenThrows('invalid-amount', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([allocationRequested()])
        .when(offer({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('AcceptHousingOffer', () => {
    it('given an open offer, when accepted, then HousingOfferAccepted', () => {
      spec([allocationRequested(), offered()]).when(accept()).then([accepted()]);
    });

    it('given no such offer, when accepted, then not found', () => {
      spec([]).when(accept()).thenThrows('housing-offer-not-found', 'not-found');
    });

    it('given an accepted offer, when accepted again, then conflict with its status', () => {
      const error = spec([allocationRequested(), offered(), accepted()])
        .when(accept())
        .thenThrows('housing-offer-already-answered', 'conflict');
      expect(error.details).toEqual({ offerId: 'offer-1', status: 'accepted' });
    });

    it('given a declined offer, when accepted, then conflict', () => {
      spec([allocationRequested(), offered(), declined()])
        .when(accept({ occurredAt: at('2025-10-09T10:00:00Z') }))
        .thenThrows('housing-offer-already-answered', 'conflict');
    });

    it('given a lapsed offer, when accepted, then conflict', () => {
      spec([allocationRequested(), offered(), lapsed()])
        .when(accept({ occurredAt: at('2025-10-22T10:00:00Z') }))
        .thenThrows('housing-offer-already-answered', 'conflict');
    });

    it('given an open offer, when accepted before it was made, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(accept({ occurredAt: at('2025-10-06T08:59:59Z') }))
        .thenThrows('offer-answered-before-offer', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(accept({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('DeclineHousingOffer', () => {
    it('given an open offer, when declined, then HousingOfferDeclined with the reason', () => {
      spec([allocationRequested(), offered()]).when(decline()).then([declined()]);
    });

    it('given an accepted offer, when declined before the lease (e.g. debt), then HousingOfferDeclined', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(decline({ reason: 'debt' }))
        .then([declined({ reason: 'debt' })]);
    });

    it('given no such offer, when declined, then not found', () => {
      spec([]).when(decline()).thenThrows('housing-offer-not-found', 'not-found');
    });

    it('given a declined offer, when declined again, then conflict', () => {
      spec([allocationRequested(), offered(), declined()])
        .when(decline())
        .thenThrows('housing-offer-not-open', 'conflict');
    });

    it('given a leased offer, when declined, then conflict', () => {
      const error = spec(leased)
        .when(decline({ occurredAt: at('2025-10-15T10:00:00Z') }))
        .thenThrows('housing-offer-not-open', 'conflict');
      expect(error.details).toEqual({ offerId: 'offer-1', status: 'leased' });
    });

    it('given an open offer, when declined before it was made, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(decline({ occurredAt: at('2025-10-01T10:00:00Z') }))
        .thenThrows('offer-answered-before-offer', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(decline({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordHousingOfferLapsed', () => {
    it('given an open offer, when it lapses, then HousingOfferLapsed with the reason', () => {
      spec([allocationRequested(), offered()]).when(lapse()).then([lapsed()]);
    });

    it('given an ACCEPTED offer waiting for the deposit, when it lapses, then HousingOfferLapsed (001:L3409)', () => {
      spec([allocationRequested(), offered(), accepted()]).when(lapse()).then([lapsed()]);
    });

    it('given no such offer, when it lapses, then not found', () => {
      spec([]).when(lapse()).thenThrows('housing-offer-not-found', 'not-found');
    });

    it('given a lapsed offer, when it lapses again, then conflict', () => {
      spec([allocationRequested(), offered(), lapsed()])
        .when(lapse())
        .thenThrows('housing-offer-not-open', 'conflict');
    });

    it('given a leased offer, when it lapses, then conflict', () => {
      spec(leased).when(lapse()).thenThrows('housing-offer-not-open', 'conflict');
    });

    it('given an open offer, when it lapses before it was made, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(lapse({ occurredAt: at('2025-10-01T10:00:00Z') }))
        .thenThrows('offer-answered-before-offer', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([allocationRequested(), offered()])
        .when(lapse({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('SignLease', () => {
    it('given an accepted offer, when a permanent lease is signed, then LeaseSigned', () => {
      spec([allocationRequested(), offered(), accepted()]).when(signLease()).then([leaseSigned()]);
    });

    it('given an accepted offer, when a transitional lease is signed, then LeaseSigned (transitional)', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(signLease({ leaseType: 'transitional' }))
        .then([leaseSigned({ leaseType: 'transitional' })]);
    });

    it('given no such offer, when a lease is signed, then not found', () => {
      spec([]).when(signLease()).thenThrows('housing-offer-not-found', 'not-found');
    });

    it('given an offer not yet accepted, when a lease is signed, then conflict', () => {
      const error = spec([allocationRequested(), offered()])
        .when(signLease())
        .thenThrows('housing-offer-not-accepted', 'conflict');
      expect(error.details).toEqual({ offerId: 'offer-1', status: 'offered' });
    });

    it('given a lapsed offer, when a lease is signed, then conflict', () => {
      spec([allocationRequested(), offered(), accepted(), lapsed()])
        .when(signLease({ occurredAt: at('2025-10-22T10:00:00Z') }))
        .thenThrows('housing-offer-not-accepted', 'conflict');
    });

    it('given a leased offer, when a lease is signed again, then conflict', () => {
      spec(leased).when(signLease()).thenThrows('lease-already-signed', 'conflict');
    });

    it('given an accepted offer, when the lease is signed before the acceptance, then rule violation', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(signLease({ occurredAt: at('2025-10-07T10:59:59Z') }))
        .thenThrows('lease-before-acceptance', 'rule-violation');
    });

    it('when the lease start is not a calendar date, then rule violation', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(signLease({ leaseStartsOn: '2025-11-31' }))
        .thenThrows('invalid-date', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(signLease({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordMoveIn', () => {
    it('given a signed lease, when moved in, then MovedIn naming the tenancy', () => {
      spec(leased).when(moveIn()).then([movedIn()]);
    });

    it('given a signed lease, when moved in naming the offer, then MovedIn', () => {
      spec(leased)
        .when(moveIn({ offerId: 'offer-1' }))
        .then([movedIn()]);
    });

    it('given a lived-in transitional flat and a new permanent lease, when moved in, then into the new home', () => {
      spec(twoTenancies)
        .when(moveIn({ occurredAt: at('2026-02-01T12:00:00Z') }))
        .then([movedIn({ offerId: 'offer-2', occurredAt: '2026-02-01T12:00:00.000Z' })]);
    });

    it('given no lease, when moved in, then conflict', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(moveIn())
        .thenThrows('no-lease-signed', 'conflict');
    });

    it('given an accepted offer without lease, when moved in naming it, then conflict', () => {
      spec([allocationRequested(), offered(), accepted()])
        .when(moveIn({ offerId: 'offer-1' }))
        .thenThrows('no-lease-signed', 'conflict');
    });

    it('given nothing, when moved in naming an unknown offer, then not found', () => {
      spec([])
        .when(moveIn({ offerId: 'offer-9' }))
        .thenThrows('housing-offer-not-found', 'not-found');
    });

    it('given a moved-in tenancy, when moved in again, then conflict', () => {
      spec(living).when(moveIn()).thenThrows('already-moved-in', 'conflict');
      spec(living)
        .when(moveIn({ offerId: 'offer-1' }))
        .thenThrows('already-moved-in', 'conflict');
    });

    it('given an ended tenancy, when moved in naming it, then conflict', () => {
      spec([...leased, ended({ occurredAt: '2025-10-20T12:00:00.000Z' })])
        .when(moveIn({ offerId: 'offer-1' }))
        .thenThrows('tenancy-not-current', 'conflict');
    });

    it('given a signed lease, when moved in before the signing, then rule violation', () => {
      spec(leased)
        .when(moveIn({ occurredAt: at('2025-10-14T11:59:59Z') }))
        .thenThrows('move-in-before-lease', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(leased)
        .when(moveIn({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('ReportRentArrears', () => {
    it('given a current tenancy, when arrears are reported, then RentArrearsReported', () => {
      spec(living).when(reportArrears()).then([arrearsReported()]);
    });

    it('given two current tenancies, when arrears are reported naming one, then for that one', () => {
      spec(twoTenancies)
        .when(reportArrears({ offerId: 'offer-1' }))
        .then([arrearsReported({ offerId: 'offer-1' })]);
    });

    it('given two current tenancies, when arrears are reported without naming one, then rule violation', () => {
      const error = spec(twoTenancies)
        .when(reportArrears())
        .thenThrows('tenancy-ambiguous', 'rule-violation');
      expect(error.details).toEqual({ offerIds: ['offer-1', 'offer-2'] });
    });

    it('given no tenancy, when arrears are reported, then conflict', () => {
      spec([]).when(reportArrears()).thenThrows('no-current-tenancy', 'conflict');
    });

    it('given an ended tenancy, when arrears are reported, then conflict', () => {
      spec([...living, ended()])
        .when(reportArrears({ occurredAt: at('2026-03-01T09:00:00Z') }))
        .thenThrows('no-current-tenancy', 'conflict');
    });

    it('given a tenancy, when the arrears are dated before the lease, then rule violation', () => {
      spec(living)
        .when(reportArrears({ occurredAt: at('2025-10-01T09:00:00Z') }))
        .thenThrows('arrears-before-lease', 'rule-violation');
    });

    it('when the amount is not positive or the months not a whole number, then rule violation', () => {
      spec(living)
        .when(reportArrears({ amountKr: 0 }))
        .thenThrows('invalid-amount', 'rule-violation');
      spec(living)
        .when(reportArrears({ monthsInArrears: 1.5 }))
        .thenThrows('invalid-months-in-arrears', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(living)
        .when(reportArrears({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('ReceiveEvictionNotice', () => {
    it('given a current tenancy, when an eviction notice arrives, then EvictionNoticeReceived', () => {
      spec(living).when(receiveNotice()).then([noticeReceived()]);
    });

    it('given an averted eviction, when a new notice arrives, then EvictionNoticeReceived', () => {
      spec([...facingEviction, averted()])
        .when(receiveNotice({ occurredAt: at('2026-03-01T09:00:00Z'), bailiffDate: '2026-04-14' }))
        .then([noticeReceived({ occurredAt: '2026-03-01T09:00:00.000Z', bailiffDate: '2026-04-14' })]);
    });

    it('given no tenancy, when a notice arrives, then conflict', () => {
      spec([]).when(receiveNotice()).thenThrows('no-current-tenancy', 'conflict');
    });

    it('given an open eviction case, when another notice arrives, then conflict', () => {
      spec(facingEviction).when(receiveNotice()).thenThrows('eviction-case-already-open', 'conflict');
    });

    it('given a tenancy, when the bailiff date lies before the notice day, then rule violation', () => {
      spec(living)
        .when(receiveNotice({ bailiffDate: '2026-02-01' }))
        .thenThrows('bailiff-date-before-notice', 'rule-violation');
    });

    it('given a tenancy, when the notice is dated before the lease, then rule violation', () => {
      spec(living)
        .when(receiveNotice({ occurredAt: at('2025-10-01T09:00:00Z') }))
        .thenThrows('eviction-notice-before-lease', 'rule-violation');
    });

    it('when the bailiff date is not a calendar date, then rule violation', () => {
      spec(living)
        .when(receiveNotice({ bailiffDate: '17-03-2026' }))
        .thenThrows('invalid-date', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(living)
        .when(receiveNotice({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordEvictionAverted', () => {
    it('given an open eviction case, when averted, then EvictionAverted', () => {
      spec(facingEviction).when(avert()).then([averted()]);
    });

    it('given two tenancies and a case on one, when averted without naming it, then the case is found', () => {
      spec([...twoTenancies, noticeReceived()])
        .when(avert())
        .then([averted()]);
    });

    it('given a tenancy without an eviction case, when averted, then conflict', () => {
      spec(living).when(avert()).thenThrows('no-open-eviction-case', 'conflict');
      spec(living)
        .when(avert({ offerId: 'offer-1' }))
        .thenThrows('no-open-eviction-case', 'conflict');
    });

    it('given no tenancy, when averted, then conflict', () => {
      spec([]).when(avert()).thenThrows('no-current-tenancy', 'conflict');
    });

    it('given an averted case, when averted again, then conflict', () => {
      spec([...facingEviction, averted()])
        .when(avert())
        .thenThrows('no-open-eviction-case', 'conflict');
    });

    it('given an open case, when averted before the notice, then rule violation', () => {
      spec(facingEviction)
        .when(avert({ occurredAt: at('2026-02-02T08:59:59Z') }))
        .thenThrows('eviction-outcome-before-notice', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(facingEviction)
        .when(avert({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordEvictionExecuted', () => {
    it('given an open eviction case, when executed, then EvictionExecuted', () => {
      spec(facingEviction).when(execute()).then([executed()]);
    });

    it('given no eviction case, when executed, then conflict', () => {
      spec(living).when(execute()).thenThrows('no-open-eviction-case', 'conflict');
    });

    it('given an executed eviction, when executed again, then conflict (the tenancy has ended)', () => {
      spec([...facingEviction, executed()])
        .when(execute())
        .thenThrows('no-current-tenancy', 'conflict');
      spec([...facingEviction, executed()])
        .when(execute({ offerId: 'offer-1' }))
        .thenThrows('tenancy-not-current', 'conflict');
    });

    it('given an open case, when executed before the notice, then rule violation', () => {
      spec(facingEviction)
        .when(execute({ occurredAt: at('2026-02-01T09:00:00Z') }))
        .thenThrows('eviction-outcome-before-notice', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(facingEviction)
        .when(execute({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('EndTenancy', () => {
    it('given a current tenancy, when it ends, then TenancyEnded', () => {
      spec(living).when(endTenancy()).then([ended()]);
    });

    it('given a transitional flat and a new home, when the old tenancy ends, then TenancyEnded for it', () => {
      spec(twoTenancies)
        .when(endTenancy({ offerId: 'offer-1', reason: 'moved-to-other-home' }))
        .then([ended({ offerId: 'offer-1', reason: 'moved-to-other-home' })]);
    });

    it('given an open eviction case, when the tenant leaves first, then TenancyEnded', () => {
      spec(facingEviction).when(endTenancy()).then([ended()]);
    });

    it('given no tenancy, when it ends, then conflict', () => {
      spec([]).when(endTenancy()).thenThrows('no-current-tenancy', 'conflict');
    });

    it('given an ended tenancy, when it ends again, then conflict', () => {
      spec([...living, ended()])
        .when(endTenancy())
        .thenThrows('no-current-tenancy', 'conflict');
    });

    it('given a tenancy, when it ends before its lease, then rule violation', () => {
      spec(living)
        .when(endTenancy({ occurredAt: at('2025-10-14T11:00:00Z') }))
        .thenThrows('tenancy-end-before-lease', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec(living)
        .when(endTenancy({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('evolve', () => {
    it('tracks offers by id and tenancies by the offer that created them', () => {
      expect(fold(housingDecider, [...facingEviction, averted()])).toEqual({
        allocationRequests: { 'alloc-1': { requestedAt: '2025-09-15T10:00:00.000Z' } },
        offers: {
          'offer-1': {
            status: 'leased',
            offeredAt: '2025-10-06T09:00:00.000Z',
            acceptedAt: '2025-10-07T11:00:00.000Z',
          },
        },
        tenancies: {
          'offer-1': {
            leaseType: 'permanent',
            signedAt: '2025-10-14T12:00:00.000Z',
            movedInAt: '2025-11-01T13:00:00.000Z',
            evictionNotice: null,
            endedAt: null,
          },
        },
      });
    });

    it('keeps no eviction history that a later rule could read (HF principle 4)', () => {
      const state = fold(housingDecider, [...facingEviction, executed()]);
      expect(JSON.stringify(state)).not.toMatch(/evict(ed|ion)(?!Notice)/i);
      expect(state.tenancies['offer-1'].endedAt).toBe('2026-02-25T08:00:00.000Z');
    });

    it('has a permanent home only with a current, moved-in, permanent lease', () => {
      expect(hasPermanentHome(fold(housingDecider, leased))).toBe(false);
      expect(hasPermanentHome(fold(housingDecider, living))).toBe(true);
      expect(hasPermanentHome(fold(housingDecider, [...living, ended()]))).toBe(false);
      const transitional = [
        allocationRequested(),
        offered(),
        accepted(),
        leaseSigned({ leaseType: 'transitional' }),
        movedIn(),
      ];
      expect(hasPermanentHome(fold(housingDecider, transitional))).toBe(false);
    });
  });

  describe('summaries', () => {
    it('are short English lines with amounts in kr and the deadlines', () => {
      expect(summarizeHousing(registered())).toBe(
        'Registered on the waiting list for almen bolig (social housing) in København (fsb)',
      );
      expect(summarizeHousing(allocationRequested())).toBe(
        'Municipal allocation (almenboligloven §59) requested by København for almen bolig (social housing)',
      );
      expect(summarizeHousing(offered())).toBe(
        'Housing offered: 2-værelses almen bolig, Valby (fsb), rent 5,450 kr/month, deposit 16,350 kr; ' +
          'sign lease by 2025-10-20, expected move-in 2025-11-01; via municipal allocation',
      );
      expect(summarizeHousing(accepted())).toBe('Housing offer accepted');
      expect(summarizeHousing(declined())).toBe('Housing offer declined: too expensive');
      expect(summarizeHousing(lapsed())).toBe('Housing offer lapsed: benefits processing time');
      expect(summarizeHousing(leaseSigned())).toBe(
        'Permanent lease signed, starting 2025-11-01 (ends homelessness on move-in)',
      );
      expect(summarizeHousing(leaseSigned({ leaseType: 'transitional' }))).toBe(
        'Transitional lease signed, starting 2025-11-01 (does not end homelessness)',
      );
      expect(summarizeHousing(movedIn())).toBe('Moved in');
      expect(summarizeHousing(arrearsReported())).toBe('Rent arrears reported: 10,900 kr (2 months)');
      expect(summarizeHousing(noticeReceived())).toBe(
        'Eviction notice received (fogedsag); bailiff date 2026-03-17',
      );
      expect(summarizeHousing(averted())).toBe('Eviction averted: payment agreement');
      expect(summarizeHousing(executed())).toBe('Eviction executed; tenancy ended');
      expect(summarizeHousing(ended())).toBe('Tenancy ended: terminated by the tenant');
    });

    it('format kroner with separators and at most 2 decimals', () => {
      expect(formatKr(0)).toBe('0 kr');
      expect(formatKr(950)).toBe('950 kr');
      expect(formatKr(1234567.5)).toBe('1,234,567.50 kr');
    });
  });

  describe('plain dates', () => {
    it('accept only real calendar dates', () => {
      expect(isPlainDate('2028-02-29')).toBe(true);
      expect(isPlainDate('2026-02-29')).toBe(false);
      expect(isPlainDate('2026-3-1')).toBe(false);
    });

    it('read an instant as its Danish calendar day', () => {
      expect(copenhagenDate('2026-03-01T23:30:00Z')).toBe('2026-03-02');
      expect(copenhagenDate('2026-07-01T21:59:00Z')).toBe('2026-07-01');
      expect(copenhagenDate('2026-07-01T22:00:00Z')).toBe('2026-07-02');
    });
  });
});
