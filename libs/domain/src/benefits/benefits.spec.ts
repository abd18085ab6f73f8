import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  AgreeEconomyAdministration,
  benefitsDecider,
  benefitsProcess,
  benefitsStreamId,
  DecideDepositApplication,
  DepositApplicationDecided,
  DepositApplicationFastTracked,
  DepositApplicationSubmitted,
  DocumentationReceived,
  DocumentationRequested,
  EconomyAdministrationAgreed,
  EconomyAdministrationEnded,
  EndEconomyAdministration,
  FastTrackDepositApplication,
  formatKr,
  LEGAL_BASIS_BY_KIND,
  RecordDocumentationReceived,
  RequestDocumentation,
  SubmitDepositApplication,
} from './benefits';

const citizenId = '5e0b7c1a-2f3d-4a6b-8c9d-0e1f2a3b4c5d';
const applicationId = 'a0000000-0000-4000-8000-000000000001';
const offerId = 'o0000000-0000-4000-8000-000000000001';

const submit = (overrides: Partial<SubmitDepositApplication> = {}): SubmitDepositApplication => ({
  type: 'SubmitDepositApplication',
  citizenId,
  occurredAt: new Date('2026-02-26T09:00:00Z'),
  applicationId,
  kind: 'moving-expenses',
  amountKr: 14550,
  decidingMunicipality: '751',
  socialHousing: false,
  linkedOfferId: offerId,
  leaseSigningDeadline: '2026-03-06',
  ...overrides,
});

const submitted = (
  overrides: Partial<DepositApplicationSubmitted['data']> = {},
): DepositApplicationSubmitted => ({
  type: 'DepositApplicationSubmitted',
  data: {
    citizenId,
    occurredAt: '2026-02-26T09:00:00.000Z',
    applicationId,
    kind: 'moving-expenses',
    legalBasis: 'aktivloven §85 stk. 1 og 2',
    amountKr: 14550,
    decidingMunicipality: '751',
    socialHousing: false,
    linkedOfferId: offerId,
    leaseSigningDeadline: '2026-03-06',
    ...overrides,
  },
});

const requestDocs = (overrides: Partial<RequestDocumentation> = {}): RequestDocumentation => ({
  type: 'RequestDocumentation',
  citizenId,
  occurredAt: new Date('2026-02-26T10:00:00Z'),
  applicationId,
  requestId: 'req-1',
  what: 'lease-contract',
  dueDate: '2026-02-27',
  ...overrides,
});

const requested = (overrides: Partial<DocumentationRequested['data']> = {}): DocumentationRequested => ({
  type: 'DocumentationRequested',
  data: {
    citizenId,
    occurredAt: '2026-02-26T10:00:00.000Z',
    applicationId,
    requestId: 'req-1',
    what: 'lease-contract',
    dueDate: '2026-02-27',
    ...overrides,
  },
});

const receiveDocs = (overrides: Partial<RecordDocumentationReceived> = {}): RecordDocumentationReceived => ({
  type: 'RecordDocumentationReceived',
  citizenId,
  occurredAt: new Date('2026-02-27T08:30:00Z'),
  applicationId,
  requestId: 'req-1',
  ...overrides,
});

const received = (overrides: Partial<DocumentationReceived['data']> = {}): DocumentationReceived => ({
  type: 'DocumentationReceived',
  data: {
    citizenId,
    occurredAt: '2026-02-27T08:30:00.000Z',
    applicationId,
    requestId: 'req-1',
    what: 'lease-contract',
    ...overrides,
  },
});

const fastTrack = (overrides: Partial<FastTrackDepositApplication> = {}): FastTrackDepositApplication => ({
  type: 'FastTrackDepositApplication',
  citizenId,
  occurredAt: new Date('2026-02-26T09:30:00Z'),
  applicationId,
  reason: 'housing-offer-lease-deadline',
  ...overrides,
});

const fastTracked = (
  overrides: Partial<DepositApplicationFastTracked['data']> = {},
): DepositApplicationFastTracked => ({
  type: 'DepositApplicationFastTracked',
  data: {
    citizenId,
    occurredAt: '2026-02-26T09:30:00.000Z',
    applicationId,
    reason: 'housing-offer-lease-deadline',
    ...overrides,
  },
});

const decideApp = (overrides: Partial<DecideDepositApplication> = {}): DecideDepositApplication => ({
  type: 'DecideDepositApplication',
  citizenId,
  occurredAt: new Date('2026-02-27T12:00:00Z'),
  applicationId,
  outcome: 'granted',
  ...overrides,
});

const decided = (overrides: Partial<DepositApplicationDecided['data']> = {}): DepositApplicationDecided => ({
  type: 'DepositApplicationDecided',
  data: {
    citizenId,
    occurredAt: '2026-02-27T12:00:00.000Z',
    applicationId,
    kind: 'moving-expenses',
    legalBasis: 'aktivloven §85 stk. 1 og 2',
    decidingMunicipality: '751',
    outcome: 'granted',
    appliedAmountKr: 14550,
    grantedAmountKr: 14550,
    fastTracked: false,
    ...overrides,
  },
});

const agree = (overrides: Partial<AgreeEconomyAdministration> = {}): AgreeEconomyAdministration => ({
  type: 'AgreeEconomyAdministration',
  citizenId,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  agreementId: 'agr-1',
  scope: ['rent', 'utilities'],
  reviewDate: '2026-09-01',
  ...overrides,
});

const agreed = (
  overrides: Partial<EconomyAdministrationAgreed['data']> = {},
): EconomyAdministrationAgreed => ({
  type: 'EconomyAdministrationAgreed',
  data: {
    citizenId,
    occurredAt: '2026-03-01T10:00:00.000Z',
    agreementId: 'agr-1',
    scope: ['rent', 'utilities'],
    reviewDate: '2026-09-01',
    ...overrides,
  },
});

const endAgreement = (overrides: Partial<EndEconomyAdministration> = {}): EndEconomyAdministration => ({
  type: 'EndEconomyAdministration',
  citizenId,
  occurredAt: new Date('2026-03-02T09:00:00Z'),
  agreementId: 'agr-1',
  reason: 'citizen-withdrew',
  ...overrides,
});

const ended = (overrides: Partial<EconomyAdministrationEnded['data']> = {}): EconomyAdministrationEnded => ({
  type: 'EconomyAdministrationEnded',
  data: {
    citizenId,
    occurredAt: '2026-03-02T09:00:00.000Z',
    agreementId: 'agr-1',
    reason: 'citizen-withdrew',
    ...overrides,
  },
});

const spec = specFor(benefitsDecider);
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);

describe('Benefits', () => {
  it('has one stream per citizen', () => {
    expect(benefitsStreamId(citizenId)).toBe(`benefits-${citizenId}`);
    expect(benefitsProcess.streamId(citizenId)).toBe(`benefits-${citizenId}`);
    expect(benefitsProcess.name).toBe('benefits');
  });

  it('names the legal basis of each kind', () => {
    expect(LEGAL_BASIS_BY_KIND).toEqual({
      beboerindskudslan: 'boligstøtteloven kap. 10',
      'moving-expenses': 'aktivloven §85 stk. 1 og 2',
      'furniture-grant': 'aktivloven §81',
    });
  });

  it('declares every event in the benefits category', () => {
    for (const info of Object.values(benefitsProcess.events)) expect(info.category).toBe('benefits');
  });

  describe('SubmitDepositApplication', () => {
    it('given nothing, when a moving-expense application is submitted, then DepositApplicationSubmitted with its legal basis', () => {
      spec([]).when(submit()).then([submitted()]);
    });

    it('given nothing, when a beboerindskudslån for social housing is submitted, then recorded under boligstøtteloven', () => {
      spec([])
        .when(
          submit({
            kind: 'beboerindskudslan',
            socialHousing: true,
            amountKr: 22800.5,
            linkedOfferId: undefined,
            leaseSigningDeadline: undefined,
          }),
        )
        .then([
          (() => {
            const e = submitted({
              kind: 'beboerindskudslan',
              legalBasis: 'boligstøtteloven kap. 10',
              socialHousing: true,
              amountKr: 22800.5,
            });
            delete e.data.linkedOfferId;
            delete e.data.leaseSigningDeadline;
            return e;
          })(),
        ]);
    });

    it('given nothing, when a furniture grant is submitted, then recorded under aktivloven §81', () => {
      spec([])
        .when(submit({ kind: 'furniture-grant', amountKr: 6000 }))
        .then([submitted({ kind: 'furniture-grant', legalBasis: 'aktivloven §81', amountKr: 6000 })]);
    });

    it('when a beboerindskudslån is for housing that is not social housing, then rule violation', () => {
      spec([])
        .when(submit({ kind: 'beboerindskudslan', socialHousing: false }))
        .thenThrows('beboerindskudslan-requires-social-housing', 'rule-violation');
    });

    it('given an application, when one is submitted with the same id, then conflict', () => {
      spec([submitted()]).when(submit()).thenThrows('deposit-application-id-reused', 'conflict');
    });

    it('when the deciding municipality is not a kommunekode, then rule violation', () => {
      const error = spec([])
        .when(submit({ decidingMunicipality: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toMatchObject({ field: 'decidingMunicipality' });
    });

    it.each([0, -100, 12.345, Number.NaN])('when the amount is %p, then rule violation', (amountKr) => {
      spec([]).when(submit({ amountKr })).thenThrows('invalid-amount', 'rule-violation');
    });

    it('when the lease-signing deadline is not a real date, then rule violation', () => {
      spec([])
        .when(submit({ leaseSigningDeadline: '2026-02-30' }))
        .thenThrows('invalid-date', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes ahead, then rule violation', () => {
      spec([])
        .when(submit({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RequestDocumentation', () => {
    it('given an application, when documentation is requested, then DocumentationRequested', () => {
      spec([submitted()]).when(requestDocs()).then([requested()]);
    });

    it('given no application, when documentation is requested, then not found', () => {
      spec([]).when(requestDocs()).thenThrows('deposit-application-not-found', 'not-found');
    });

    it('given a decided application, when documentation is requested, then conflict', () => {
      spec([submitted(), decided()])
        .when(requestDocs({ occurredAt: new Date('2026-02-28T10:00:00Z'), dueDate: '2026-03-02' }))
        .thenThrows('deposit-application-already-decided', 'conflict');
    });

    it('given a request, when another is made with the same id, then conflict', () => {
      spec([submitted(), requested()])
        .when(requestDocs())
        .thenThrows('documentation-request-id-reused', 'conflict');
    });

    it('when the due date lies before the (Danish) day of the request, then rule violation', () => {
      // 23:30 UTC on 26 February is already 27 February in Copenhagen.
      spec([submitted()])
        .when(requestDocs({ occurredAt: new Date('2026-02-26T23:30:00Z'), dueDate: '2026-02-26' }))
        .thenThrows('documentation-due-before-request', 'rule-violation');
    });

    it('when the request precedes the application, then rule violation', () => {
      spec([submitted()])
        .when(requestDocs({ occurredAt: new Date('2026-02-26T08:00:00Z') }))
        .thenThrows('before-application-submitted', 'rule-violation');
    });

    it('when the due date is not a date, then rule violation', () => {
      spec([submitted()])
        .when(requestDocs({ dueDate: 'tomorrow' }))
        .thenThrows('invalid-date', 'rule-violation');
    });
  });

  describe('RecordDocumentationReceived', () => {
    it('given a request, when the documentation is received, then DocumentationReceived naming what arrived', () => {
      spec([submitted(), requested()]).when(receiveDocs()).then([received()]);
    });

    it('given a decided application with an open request, when the documentation arrives late, then still recorded', () => {
      spec([submitted(), requested(), decided({ occurredAt: '2026-02-26T12:00:00.000Z' })])
        .when(receiveDocs())
        .then([received()]);
    });

    it('given an application without that request, when documentation is received, then not found', () => {
      const error = spec([submitted()])
        .when(receiveDocs())
        .thenThrows('documentation-request-not-found', 'not-found');
      expect(error.details).toEqual({ applicationId, documentationRequestId: 'req-1' });
    });

    it('given no application, when documentation is received, then not found', () => {
      spec([]).when(receiveDocs()).thenThrows('deposit-application-not-found', 'not-found');
    });

    it('given received documentation, when received again, then conflict', () => {
      spec([submitted(), requested(), received()])
        .when(receiveDocs())
        .thenThrows('documentation-already-received', 'conflict');
    });

    it('when received before it was requested, then rule violation', () => {
      spec([submitted(), requested()])
        .when(receiveDocs({ occurredAt: new Date('2026-02-26T09:59:00Z') }))
        .thenThrows('documentation-received-before-request', 'rule-violation');
    });
  });

  describe('FastTrackDepositApplication', () => {
    it('given an undecided application, when fast-tracked, then DepositApplicationFastTracked', () => {
      spec([submitted()]).when(fastTrack()).then([fastTracked()]);
    });

    it('given no application, when fast-tracked, then not found', () => {
      spec([]).when(fastTrack()).thenThrows('deposit-application-not-found', 'not-found');
    });

    it('given a fast-tracked application, when fast-tracked again, then conflict', () => {
      spec([submitted(), fastTracked()])
        .when(fastTrack({ reason: 'shelter-discharge' }))
        .thenThrows('deposit-application-already-fast-tracked', 'conflict');
    });

    it('given a decided application, when fast-tracked, then conflict', () => {
      spec([submitted(), decided()])
        .when(fastTrack({ occurredAt: new Date('2026-02-28T09:00:00Z') }))
        .thenThrows('deposit-application-already-decided', 'conflict');
    });

    it('when fast-tracked before the application was submitted, then rule violation', () => {
      spec([submitted()])
        .when(fastTrack({ occurredAt: new Date('2026-02-25T09:00:00Z') }))
        .thenThrows('before-application-submitted', 'rule-violation');
    });
  });

  describe('DecideDepositApplication', () => {
    it('given an application, when granted in full, then DepositApplicationDecided with the applied amount', () => {
      spec([submitted()]).when(decideApp()).then([decided()]);
    });

    it('given a fast-tracked application, when granted with the amount stated, then the decision says so', () => {
      spec([submitted(), fastTracked()])
        .when(decideApp({ grantedAmountKr: 14550 }))
        .then([decided({ fastTracked: true })]);
    });

    it('given an application, when partially granted with a reason, then the granted amount is recorded', () => {
      spec([submitted()])
        .when(
          decideApp({
            outcome: 'partially-granted',
            grantedAmountKr: 9700,
            reasonCode: 'amount-above-reasonable-level',
          }),
        )
        .then([
          decided({
            outcome: 'partially-granted',
            grantedAmountKr: 9700,
            reasonCode: 'amount-above-reasonable-level',
          }),
        ]);
    });

    it('given an application, when refused with a reason, then 0 kr is granted', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'refused', reasonCode: 'own-means-available' }))
        .then([decided({ outcome: 'refused', grantedAmountKr: 0, reasonCode: 'own-means-available' })]);
    });

    it('given no application, when decided, then not found', () => {
      spec([]).when(decideApp()).thenThrows('deposit-application-not-found', 'not-found');
    });

    it('given a decided application, when decided again, then conflict', () => {
      spec([submitted(), decided()])
        .when(decideApp({ outcome: 'refused', reasonCode: 'other' }))
        .thenThrows('deposit-application-already-decided', 'conflict');
    });

    it('when the granted amount exceeds the applied amount, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ grantedAmountKr: 14550.01 }))
        .thenThrows('granted-amount-exceeds-applied', 'rule-violation');
    });

    it.each([0, -1])('when granted with %p kr, then rule violation', (grantedAmountKr) => {
      spec([submitted()])
        .when(decideApp({ grantedAmountKr }))
        .thenThrows('granted-amount-not-positive', 'rule-violation');
    });

    it('when "granted" states less than applied, then rule violation (it is a partial grant)', () => {
      spec([submitted()])
        .when(decideApp({ grantedAmountKr: 10000 }))
        .thenThrows('grant-below-applied-is-partial', 'rule-violation');
    });

    it('when a partial grant states no amount, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'partially-granted', reasonCode: 'other' }))
        .thenThrows('granted-amount-required', 'rule-violation');
    });

    it('when a partial grant equals the applied amount, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'partially-granted', grantedAmountKr: 14550, reasonCode: 'other' }))
        .thenThrows('partial-grant-equals-applied', 'rule-violation');
    });

    it('when a refusal grants an amount, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'refused', grantedAmountKr: 500, reasonCode: 'other' }))
        .thenThrows('refusal-with-granted-amount', 'rule-violation');
    });

    it('when a refusal gives no reason, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'refused' }))
        .thenThrows('decision-reason-required', 'rule-violation');
    });

    it('when a partial grant gives no reason, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ outcome: 'partially-granted', grantedAmountKr: 100 }))
        .thenThrows('decision-reason-required', 'rule-violation');
    });

    it('when a full grant gives a refusal reason, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ reasonCode: 'own-means-available' }))
        .thenThrows('decision-reason-not-applicable', 'rule-violation');
    });

    it('when decided before the application was submitted, then rule violation', () => {
      const error = spec([submitted()])
        .when(decideApp({ occurredAt: new Date('2026-02-26T08:59:59Z') }))
        .thenThrows('before-application-submitted', 'rule-violation');
      expect(error.details).toEqual({ applicationId, submittedAt: '2026-02-26T09:00:00.000Z' });
    });

    it('when occurredAt is more than 5 minutes ahead, then rule violation', () => {
      spec([submitted()])
        .when(decideApp({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('AgreeEconomyAdministration', () => {
    it('given none, when agreed, then EconomyAdministrationAgreed', () => {
      spec([]).when(agree()).then([agreed()]);
    });

    it('given an ended agreement, when a new one is agreed with repeated scopes, then recorded once each', () => {
      spec([agreed(), ended()])
        .when(
          agree({
            agreementId: 'agr-2',
            occurredAt: new Date('2026-03-02T09:30:00Z'),
            scope: ['rent', 'rent'],
            reviewDate: undefined,
          }),
        )
        .then([
          (() => {
            const e = agreed({
              agreementId: 'agr-2',
              occurredAt: '2026-03-02T09:30:00.000Z',
              scope: ['rent'],
            });
            delete e.data.reviewDate;
            return e;
          })(),
        ]);
    });

    it('given an active agreement, when another is agreed, then conflict naming it', () => {
      const error = spec([agreed()])
        .when(agree({ agreementId: 'agr-2' }))
        .thenThrows('economy-administration-already-active', 'conflict');
      expect(error.details).toEqual({ activeAgreementId: 'agr-1' });
    });

    it('given an ended agreement, when agreed again with its id, then conflict', () => {
      spec([agreed(), ended()]).when(agree()).thenThrows('economy-administration-id-reused', 'conflict');
    });

    it('when the scope is empty, then rule violation', () => {
      spec([])
        .when(agree({ scope: [] }))
        .thenThrows('economy-administration-scope-empty', 'rule-violation');
    });

    it('when the review date is not a date, then rule violation', () => {
      spec([])
        .when(agree({ reviewDate: '01-09-2026' }))
        .thenThrows('invalid-date', 'rule-violation');
    });
  });

  describe('EndEconomyAdministration', () => {
    it('given an active agreement, when ended, then EconomyAdministrationEnded', () => {
      spec([agreed()]).when(endAgreement()).then([ended()]);
    });

    it('given no agreement, when ended, then not found', () => {
      spec([]).when(endAgreement()).thenThrows('economy-administration-not-found', 'not-found');
    });

    it('given an ended agreement, when ended again, then conflict', () => {
      spec([agreed(), ended()])
        .when(endAgreement())
        .thenThrows('economy-administration-already-ended', 'conflict');
    });

    it('when ended before it was agreed, then rule violation', () => {
      spec([agreed()])
        .when(endAgreement({ occurredAt: new Date('2026-02-28T10:00:00Z') }))
        .thenThrows('economy-administration-ended-before-agreed', 'rule-violation');
    });
  });

  describe('summaries', () => {
    const s = (e: Parameters<typeof benefitsProcess.summarize>[0]) => benefitsProcess.summarize(e);

    it('summarise applications with kind, basis, amount, deciding municipality and deadline', () => {
      expect(s(submitted())).toBe(
        'Deposit application submitted: moving expenses (aktivloven §85 stk. 1 og 2), 14,550 kr; decided by Aarhus (751); linked to a housing offer; lease-signing deadline 2026-03-06',
      );
    });

    it('summarise decisions with outcome and amounts', () => {
      expect(s(decided({ fastTracked: true }))).toBe(
        'Deposit application (moving expenses, aktivloven §85 stk. 1 og 2) granted: 14,550 kr; fast-tracked',
      );
      expect(
        s(
          decided({
            outcome: 'partially-granted',
            grantedAmountKr: 9700.5,
            reasonCode: 'amount-above-reasonable-level',
          }),
        ),
      ).toBe(
        'Deposit application (moving expenses, aktivloven §85 stk. 1 og 2) partially granted: 9,700.50 kr of 14,550 kr; reason: amount above reasonable level',
      );
      expect(s(decided({ outcome: 'refused', grantedAmountKr: 0, reasonCode: 'own-means-available' }))).toBe(
        'Deposit application (moving expenses, aktivloven §85 stk. 1 og 2) refused (applied 14,550 kr); reason: own means available',
      );
    });

    it('summarise the other events', () => {
      expect(s(requested())).toBe(
        'Documentation requested for a deposit application: lease contract, due 2026-02-27',
      );
      expect(s(received())).toBe('Documentation received for a deposit application: lease contract');
      expect(s(fastTracked())).toBe(
        'Deposit application fast-tracked: housing offer with lease-signing deadline',
      );
      expect(s(agreed())).toBe(
        'Voluntary economy administration agreed (rent, utilities); review 2026-09-01',
      );
      expect(s(ended())).toBe('Voluntary economy administration ended: citizen withdrew');
    });
  });

  describe('helpers', () => {
    it('formats kroner', () => {
      expect(formatKr(1234567)).toBe('1,234,567 kr');
      expect(formatKr(999)).toBe('999 kr');
      expect(formatKr(0.5)).toBe('0.50 kr');
    });
  });
});
