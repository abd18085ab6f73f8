import { assertNever, Decider } from '../decider';
import { assertPlainDate as assertCalendarDate, copenhagenDate } from '../calendar';
import { DomainError } from '../errors';
import { municipalityName } from '../municipalities';
import type { ProcessDefinition } from '../process';
import { assertKnownMunicipality, assertOccurredAtAcceptable } from '../rules';

/**
 * Benefits (DOMAIN.md §5.5): deposit and moving-expense applications for a citizen with a housing offer,
 * their documentation, fast-tracking and decisions, and voluntary economy administration.
 *
 * One stream per citizen (`benefits-<citizenId>`) holds all of that citizen's applications; each is addressed by
 * its own `applicationId`. The benefits office works on a handful of applications per citizen at most, and the
 * rules (decide once, fast-track once, at most one active economy administration) all live inside that stream.
 *
 * The deciding municipality is recorded rather than derived: a moving-expense application under aktivloven §85
 * is decided by the municipality the citizen moves TO (tilflytningskommunen, since 1 January 2020), which is
 * often not the handlekommune of a homeless citizen.
 */
export function benefitsStreamId(citizenId: string): string {
  return `benefits-${citizenId}`;
}

/**
 * beboerindskudslån: a loan the municipality must grant for the deposit on non-profit (almen) housing;
 * moving-expenses: help for moving incl. depositum, assessed under both stk. 1 and stk. 2 of §85 (Ankestyrelsen);
 * furniture-grant: necessary household goods as a one-off (enkeltudgift).
 */
export const DEPOSIT_APPLICATION_KINDS = ['beboerindskudslan', 'moving-expenses', 'furniture-grant'] as const;
export type DepositApplicationKind = (typeof DEPOSIT_APPLICATION_KINDS)[number];

/** The statute an application of each kind is decided under. Verify the wording before production. */
export const LEGAL_BASIS_BY_KIND: Readonly<Record<DepositApplicationKind, string>> = Object.freeze({
  beboerindskudslan: 'boligstøtteloven kap. 10',
  'moving-expenses': 'aktivloven §85 stk. 1 og 2',
  'furniture-grant': 'aktivloven §81',
});

/** Codes, never free text: the request is shown to other units and must not carry personal data. */
export const DOCUMENTATION_KINDS = [
  'housing-offer',
  'lease-contract',
  'deposit-invoice',
  'moving-quote',
  'income-statement',
  'bank-statements',
  'debt-overview',
  'other',
] as const;
export type DocumentationKind = (typeof DOCUMENTATION_KINDS)[number];

export const FAST_TRACK_REASONS = [
  'housing-offer-lease-deadline',
  'shelter-discharge',
  'eviction-prevention',
  'other',
] as const;
export type FastTrackReason = (typeof FAST_TRACK_REASONS)[number];

export const DECISION_OUTCOMES = ['granted', 'partially-granted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Why an application was refused or granted only in part (forvaltningsloven §22 requires a reason). */
export const DECISION_REASONS = [
  'own-means-available',
  'not-a-housing-improvement',
  'housing-not-reasonable',
  'amount-above-reasonable-level',
  'not-social-housing',
  'other-municipality-decides',
  'documentation-missing',
  'other',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const ECONOMY_ADMINISTRATION_SCOPES = [
  'rent',
  'utilities',
  'debt-instalments',
  'living-allowance',
] as const;
export type EconomyAdministrationScope = (typeof ECONOMY_ADMINISTRATION_SCOPES)[number];

export const ECONOMY_ADMINISTRATION_END_REASONS = [
  'citizen-withdrew',
  'no-longer-needed',
  'moved-municipality',
  'other',
] as const;
export type EconomyAdministrationEndReason = (typeof ECONOMY_ADMINISTRATION_END_REASONS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Events

export type DepositApplicationSubmitted = {
  type: 'DepositApplicationSubmitted';
  data: {
    citizenId: string;
    occurredAt: string;
    applicationId: string;
    kind: DepositApplicationKind;
    /** the statute of this kind (LEGAL_BASIS_BY_KIND); in the data because it differs per kind */
    legalBasis: string;
    /** applied amount in kr, up to 2 decimals */
    amountKr: number;
    /** kommunekode of the municipality that decides (for moving expenses: the one the citizen moves to) */
    decidingMunicipality: string;
    /** the dwelling is non-profit (almen) social housing; required for a beboerindskudslån */
    socialHousing: boolean;
    /** the housing offer's id, when the application follows an offer */
    linkedOfferId?: string;
    /** YYYY-MM-DD: the date the offer lapses unless the lease is signed; orders the fast-track queue */
    leaseSigningDeadline?: string;
  };
};

export type DocumentationRequested = {
  type: 'DocumentationRequested';
  data: {
    citizenId: string;
    occurredAt: string;
    applicationId: string;
    requestId: string;
    what: DocumentationKind;
    /** YYYY-MM-DD */
    dueDate: string;
  };
};

export type DocumentationReceived = {
  type: 'DocumentationReceived';
  data: {
    citizenId: string;
    occurredAt: string;
    applicationId: string;
    requestId: string;
    /** copied from the request so the fact reads on its own */
    what: DocumentationKind;
  };
};

export type DepositApplicationFastTracked = {
  type: 'DepositApplicationFastTracked';
  data: {
    citizenId: string;
    occurredAt: string;
    applicationId: string;
    reason: FastTrackReason;
  };
};

export type DepositApplicationDecided = {
  type: 'DepositApplicationDecided';
  data: {
    citizenId: string;
    occurredAt: string;
    applicationId: string;
    kind: DepositApplicationKind;
    legalBasis: string;
    decidingMunicipality: string;
    outcome: DecisionOutcome;
    appliedAmountKr: number;
    /** 0 when refused */
    grantedAmountKr: number;
    /** required when refused or partially granted */
    reasonCode?: DecisionReason;
    fastTracked: boolean;
  };
};

export type EconomyAdministrationAgreed = {
  type: 'EconomyAdministrationAgreed';
  data: {
    citizenId: string;
    occurredAt: string;
    agreementId: string;
    scope: EconomyAdministrationScope[];
    /** YYYY-MM-DD */
    reviewDate?: string;
  };
};

export type EconomyAdministrationEnded = {
  type: 'EconomyAdministrationEnded';
  data: {
    citizenId: string;
    occurredAt: string;
    agreementId: string;
    reason: EconomyAdministrationEndReason;
  };
};

export type BenefitsEvent =
  | DepositApplicationSubmitted
  | DocumentationRequested
  | DocumentationReceived
  | DepositApplicationFastTracked
  | DepositApplicationDecided
  | EconomyAdministrationAgreed
  | EconomyAdministrationEnded;

// ---------------------------------------------------------------------------------------------------------------
// Commands

export type SubmitDepositApplication = {
  type: 'SubmitDepositApplication';
  citizenId: string;
  occurredAt: Date;
  applicationId: string;
  kind: DepositApplicationKind;
  amountKr: number;
  decidingMunicipality: string;
  socialHousing: boolean;
  linkedOfferId?: string;
  leaseSigningDeadline?: string;
};

export type RequestDocumentation = {
  type: 'RequestDocumentation';
  citizenId: string;
  occurredAt: Date;
  applicationId: string;
  requestId: string;
  what: DocumentationKind;
  dueDate: string;
};

export type RecordDocumentationReceived = {
  type: 'RecordDocumentationReceived';
  citizenId: string;
  occurredAt: Date;
  applicationId: string;
  requestId: string;
};

export type FastTrackDepositApplication = {
  type: 'FastTrackDepositApplication';
  citizenId: string;
  occurredAt: Date;
  applicationId: string;
  reason: FastTrackReason;
};

export type DecideDepositApplication = {
  type: 'DecideDepositApplication';
  citizenId: string;
  occurredAt: Date;
  applicationId: string;
  outcome: DecisionOutcome;
  /** for `granted` it defaults to the applied amount; required for `partially-granted`; 0 or absent if refused */
  grantedAmountKr?: number;
  reasonCode?: DecisionReason;
};

export type AgreeEconomyAdministration = {
  type: 'AgreeEconomyAdministration';
  citizenId: string;
  occurredAt: Date;
  agreementId: string;
  scope: EconomyAdministrationScope[];
  reviewDate?: string;
};

export type EndEconomyAdministration = {
  type: 'EndEconomyAdministration';
  citizenId: string;
  occurredAt: Date;
  agreementId: string;
  reason: EconomyAdministrationEndReason;
};

export type BenefitsCommand =
  | SubmitDepositApplication
  | RequestDocumentation
  | RecordDocumentationReceived
  | FastTrackDepositApplication
  | DecideDepositApplication
  | AgreeEconomyAdministration
  | EndEconomyAdministration;

// ---------------------------------------------------------------------------------------------------------------
// State

export type DepositApplicationState = {
  kind: DepositApplicationKind;
  amountKr: number;
  decidingMunicipality: string;
  submittedAt: string;
  fastTracked: boolean;
  decided: boolean;
  documentation: Record<string, { what: DocumentationKind; requestedAt: string; received: boolean }>;
};

export type BenefitsState = {
  applications: Record<string, DepositApplicationState>;
  economyAdministrations: Record<string, { agreedAt: string; active: boolean }>;
  activeEconomyAdministrationId: string | null;
};

// ---------------------------------------------------------------------------------------------------------------
// Rules

const ms = (iso: string): number => Date.parse(iso);

function assertAmountKr(value: number, field: string): void {
  if (!Number.isFinite(value) || value <= 0 || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    throw new DomainError('rule-violation', 'invalid-amount', `${field} must be a positive amount in kr`, {
      field,
    });
  }
}

function applicationOf(state: BenefitsState, applicationId: string): DepositApplicationState {
  const application = state.applications[applicationId];
  if (!Object.hasOwn(state.applications, applicationId) || application === undefined) {
    throw new DomainError(
      'not-found',
      'deposit-application-not-found',
      'No deposit application with this id',
      {
        applicationId,
      },
    );
  }
  return application;
}

function assertUndecided(application: DepositApplicationState, applicationId: string): void {
  if (application.decided) {
    throw new DomainError(
      'conflict',
      'deposit-application-already-decided',
      'The deposit application is already decided',
      { applicationId },
    );
  }
}

/** Late reports are fine, but nothing about an application can happen before it was submitted. */
function assertNotBeforeSubmission(
  occurredAt: Date,
  application: DepositApplicationState,
  applicationId: string,
): void {
  if (occurredAt.getTime() < ms(application.submittedAt)) {
    throw new DomainError(
      'rule-violation',
      'before-application-submitted',
      'This cannot precede the submission of the application',
      { applicationId, submittedAt: application.submittedAt },
    );
  }
}

function submit(command: SubmitDepositApplication, state: BenefitsState, now: Date): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertKnownMunicipality(command.decidingMunicipality, 'decidingMunicipality');
  assertAmountKr(command.amountKr, 'amountKr');
  if (command.leaseSigningDeadline !== undefined) {
    assertCalendarDate(command.leaseSigningDeadline, 'leaseSigningDeadline');
  }
  if (Object.hasOwn(state.applications, command.applicationId)) {
    throw new DomainError(
      'conflict',
      'deposit-application-id-reused',
      'A deposit application with this id already exists',
      { applicationId: command.applicationId },
    );
  }
  // Boligstøtteloven kap. 10 lends only for the deposit (indskud) on non-profit housing; for private rentals the
  // route is a moving-expense application under aktivloven §85.
  if (command.kind === 'beboerindskudslan' && !command.socialHousing) {
    throw new DomainError(
      'rule-violation',
      'beboerindskudslan-requires-social-housing',
      'A beboerindskudslån can only be applied for to move into social (almen) housing',
      { kind: command.kind },
    );
  }
  return [
    {
      type: 'DepositApplicationSubmitted',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        applicationId: command.applicationId,
        kind: command.kind,
        legalBasis: LEGAL_BASIS_BY_KIND[command.kind],
        amountKr: command.amountKr,
        decidingMunicipality: command.decidingMunicipality,
        socialHousing: command.socialHousing,
        ...(command.linkedOfferId !== undefined ? { linkedOfferId: command.linkedOfferId } : {}),
        ...(command.leaseSigningDeadline !== undefined
          ? { leaseSigningDeadline: command.leaseSigningDeadline }
          : {}),
      },
    },
  ];
}

function requestDocumentation(
  command: RequestDocumentation,
  state: BenefitsState,
  now: Date,
): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertCalendarDate(command.dueDate, 'dueDate');
  const application = applicationOf(state, command.applicationId);
  assertUndecided(application, command.applicationId);
  assertNotBeforeSubmission(command.occurredAt, application, command.applicationId);
  if (Object.hasOwn(application.documentation, command.requestId)) {
    throw new DomainError(
      'conflict',
      'documentation-request-id-reused',
      'A documentation request with this id already exists',
      { documentationRequestId: command.requestId },
    );
  }
  const requestDate = copenhagenDate(command.occurredAt);
  if (command.dueDate < requestDate) {
    throw new DomainError(
      'rule-violation',
      'documentation-due-before-request',
      'The due date cannot lie before the day of the request',
      { dueDate: command.dueDate, requestDate },
    );
  }
  return [
    {
      type: 'DocumentationRequested',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        applicationId: command.applicationId,
        requestId: command.requestId,
        what: command.what,
        dueDate: command.dueDate,
      },
    },
  ];
}

/**
 * Documentation that arrives after the decision is still recorded (it may reopen the case on complaint); what
 * cannot be recorded is documentation nobody asked for, or the same request answered twice.
 */
function receiveDocumentation(
  command: RecordDocumentationReceived,
  state: BenefitsState,
  now: Date,
): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const application = applicationOf(state, command.applicationId);
  const request = application.documentation[command.requestId];
  if (!Object.hasOwn(application.documentation, command.requestId) || request === undefined) {
    throw new DomainError(
      'not-found',
      'documentation-request-not-found',
      'No documentation was requested with this id for this application',
      { applicationId: command.applicationId, documentationRequestId: command.requestId },
    );
  }
  if (request.received) {
    throw new DomainError(
      'conflict',
      'documentation-already-received',
      'The requested documentation is already recorded as received',
      { documentationRequestId: command.requestId },
    );
  }
  if (command.occurredAt.getTime() < ms(request.requestedAt)) {
    throw new DomainError(
      'rule-violation',
      'documentation-received-before-request',
      'Documentation cannot be received before it was requested',
      { documentationRequestId: command.requestId, requestedAt: request.requestedAt },
    );
  }
  return [
    {
      type: 'DocumentationReceived',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        applicationId: command.applicationId,
        requestId: command.requestId,
        what: request.what,
      },
    },
  ];
}

function fastTrack(command: FastTrackDepositApplication, state: BenefitsState, now: Date): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const application = applicationOf(state, command.applicationId);
  assertUndecided(application, command.applicationId);
  if (application.fastTracked) {
    throw new DomainError(
      'conflict',
      'deposit-application-already-fast-tracked',
      'The deposit application is already fast-tracked',
      { applicationId: command.applicationId },
    );
  }
  assertNotBeforeSubmission(command.occurredAt, application, command.applicationId);
  return [
    {
      type: 'DepositApplicationFastTracked',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        applicationId: command.applicationId,
        reason: command.reason,
      },
    },
  ];
}

/**
 * One decision per application; a reconsideration or complaint outcome is a later process, not a second
 * decision here. The outcome must agree with the amount: `granted` is the full applied amount, a smaller amount
 * is `partially-granted` (which, like a refusal, needs a reason), and a refusal grants nothing.
 */
function decide(command: DecideDepositApplication, state: BenefitsState, now: Date): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const application = applicationOf(state, command.applicationId);
  assertUndecided(application, command.applicationId);
  assertNotBeforeSubmission(command.occurredAt, application, command.applicationId);
  const applied = application.amountKr;
  const details = { applicationId: command.applicationId, appliedAmountKr: applied };
  let granted: number;
  switch (command.outcome) {
    case 'granted':
    case 'partially-granted': {
      if (command.outcome === 'partially-granted' && command.grantedAmountKr === undefined) {
        throw new DomainError(
          'rule-violation',
          'granted-amount-required',
          'A partial grant must state the granted amount',
          details,
        );
      }
      granted = command.grantedAmountKr ?? applied;
      if (!Number.isFinite(granted) || granted <= 0) {
        throw new DomainError(
          'rule-violation',
          'granted-amount-not-positive',
          'A granted amount must be more than 0 kr',
          details,
        );
      }
      assertAmountKr(granted, 'grantedAmountKr');
      if (granted > applied) {
        throw new DomainError(
          'rule-violation',
          'granted-amount-exceeds-applied',
          'The granted amount cannot exceed the applied amount',
          { ...details, grantedAmountKr: granted },
        );
      }
      if (command.outcome === 'granted' && granted < applied) {
        throw new DomainError(
          'rule-violation',
          'grant-below-applied-is-partial',
          'An amount below the applied amount is a partial grant (outcome partially-granted)',
          { ...details, grantedAmountKr: granted },
        );
      }
      if (command.outcome === 'partially-granted' && granted === applied) {
        throw new DomainError(
          'rule-violation',
          'partial-grant-equals-applied',
          'A partial grant must be below the applied amount',
          { ...details, grantedAmountKr: granted },
        );
      }
      break;
    }
    case 'refused':
      if (command.grantedAmountKr !== undefined && command.grantedAmountKr !== 0) {
        throw new DomainError(
          'rule-violation',
          'refusal-with-granted-amount',
          'A refusal cannot grant an amount',
          { ...details, grantedAmountKr: command.grantedAmountKr },
        );
      }
      granted = 0;
      break;
    default:
      return assertNever(command.outcome);
  }
  if (command.outcome !== 'granted' && command.reasonCode === undefined) {
    throw new DomainError(
      'rule-violation',
      'decision-reason-required',
      'A refusal or partial grant must give a reason code',
      { applicationId: command.applicationId, outcome: command.outcome },
    );
  }
  if (command.outcome === 'granted' && command.reasonCode !== undefined) {
    throw new DomainError(
      'rule-violation',
      'decision-reason-not-applicable',
      'A full grant has no refusal reason',
      { applicationId: command.applicationId },
    );
  }
  return [
    {
      type: 'DepositApplicationDecided',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        applicationId: command.applicationId,
        kind: application.kind,
        legalBasis: LEGAL_BASIS_BY_KIND[application.kind],
        decidingMunicipality: application.decidingMunicipality,
        outcome: command.outcome,
        appliedAmountKr: applied,
        grantedAmountKr: granted,
        ...(command.reasonCode !== undefined ? { reasonCode: command.reasonCode } : {}),
        fastTracked: application.fastTracked,
      },
    },
  ];
}

/**
 * Economy administration here is the voluntary kind (frivillig økonomisk administration), agreed with the
 * citizen; at most one agreement is active at a time, and the citizen may end it.
 */
function agreeEconomyAdministration(
  command: AgreeEconomyAdministration,
  state: BenefitsState,
  now: Date,
): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  if (command.reviewDate !== undefined) assertCalendarDate(command.reviewDate, 'reviewDate');
  if (command.scope.length === 0) {
    throw new DomainError(
      'rule-violation',
      'economy-administration-scope-empty',
      'An economy administration must cover at least one kind of payment',
    );
  }
  if (Object.hasOwn(state.economyAdministrations, command.agreementId)) {
    throw new DomainError(
      'conflict',
      'economy-administration-id-reused',
      'An economy administration with this id already exists',
      { agreementId: command.agreementId },
    );
  }
  if (state.activeEconomyAdministrationId !== null) {
    throw new DomainError(
      'conflict',
      'economy-administration-already-active',
      'The citizen already has an active economy administration',
      { activeAgreementId: state.activeEconomyAdministrationId },
    );
  }
  return [
    {
      type: 'EconomyAdministrationAgreed',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        agreementId: command.agreementId,
        scope: [...new Set(command.scope)],
        ...(command.reviewDate !== undefined ? { reviewDate: command.reviewDate } : {}),
      },
    },
  ];
}

function endEconomyAdministration(
  command: EndEconomyAdministration,
  state: BenefitsState,
  now: Date,
): BenefitsEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const agreement = state.economyAdministrations[command.agreementId];
  if (!Object.hasOwn(state.economyAdministrations, command.agreementId) || agreement === undefined) {
    throw new DomainError(
      'not-found',
      'economy-administration-not-found',
      'No economy administration with this id',
      { agreementId: command.agreementId },
    );
  }
  if (!agreement.active) {
    throw new DomainError(
      'conflict',
      'economy-administration-already-ended',
      'The economy administration has already ended',
      { agreementId: command.agreementId },
    );
  }
  if (command.occurredAt.getTime() < ms(agreement.agreedAt)) {
    throw new DomainError(
      'rule-violation',
      'economy-administration-ended-before-agreed',
      'An economy administration cannot end before it was agreed',
      { agreementId: command.agreementId, agreedAt: agreement.agreedAt },
    );
  }
  return [
    {
      type: 'EconomyAdministrationEnded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        agreementId: command.agreementId,
        reason: command.reason,
      },
    },
  ];
}

function updateApplication(
  state: BenefitsState,
  applicationId: string,
  update: (application: DepositApplicationState) => DepositApplicationState,
): BenefitsState {
  const application = state.applications[applicationId];
  if (application === undefined) return state;
  return { ...state, applications: { ...state.applications, [applicationId]: update(application) } };
}

export const benefitsDecider: Decider<BenefitsCommand, BenefitsState, BenefitsEvent> = {
  initialState: () => ({ applications: {}, economyAdministrations: {}, activeEconomyAdministrationId: null }),

  decide(command, state, now) {
    switch (command.type) {
      case 'SubmitDepositApplication':
        return submit(command, state, now);
      case 'RequestDocumentation':
        return requestDocumentation(command, state, now);
      case 'RecordDocumentationReceived':
        return receiveDocumentation(command, state, now);
      case 'FastTrackDepositApplication':
        return fastTrack(command, state, now);
      case 'DecideDepositApplication':
        return decide(command, state, now);
      case 'AgreeEconomyAdministration':
        return agreeEconomyAdministration(command, state, now);
      case 'EndEconomyAdministration':
        return endEconomyAdministration(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DepositApplicationSubmitted':
        return {
          ...state,
          applications: {
            ...state.applications,
            [event.data.applicationId]: {
              kind: event.data.kind,
              amountKr: event.data.amountKr,
              decidingMunicipality: event.data.decidingMunicipality,
              submittedAt: event.data.occurredAt,
              fastTracked: false,
              decided: false,
              documentation: {},
            },
          },
        };
      case 'DocumentationRequested':
        return updateApplication(state, event.data.applicationId, (a) => ({
          ...a,
          documentation: {
            ...a.documentation,
            [event.data.requestId]: {
              what: event.data.what,
              requestedAt: event.data.occurredAt,
              received: false,
            },
          },
        }));
      case 'DocumentationReceived':
        return updateApplication(state, event.data.applicationId, (a) => {
          const request = a.documentation[event.data.requestId];
          if (request === undefined) return a;
          return {
            ...a,
            documentation: { ...a.documentation, [event.data.requestId]: { ...request, received: true } },
          };
        });
      case 'DepositApplicationFastTracked':
        return updateApplication(state, event.data.applicationId, (a) => ({ ...a, fastTracked: true }));
      case 'DepositApplicationDecided':
        return updateApplication(state, event.data.applicationId, (a) => ({ ...a, decided: true }));
      case 'EconomyAdministrationAgreed':
        return {
          ...state,
          economyAdministrations: {
            ...state.economyAdministrations,
            [event.data.agreementId]: { agreedAt: event.data.occurredAt, active: true },
          },
          activeEconomyAdministrationId: event.data.agreementId,
        };
      case 'EconomyAdministrationEnded': {
        const agreement = state.economyAdministrations[event.data.agreementId];
        return {
          ...state,
          economyAdministrations: agreement
            ? {
                ...state.economyAdministrations,
                [event.data.agreementId]: { ...agreement, active: false },
              }
            : state.economyAdministrations,
          activeEconomyAdministrationId:
            state.activeEconomyAdministrationId === event.data.agreementId
              ? null
              : state.activeEconomyAdministrationId,
        };
      }
      default:
        return assertNever(event);
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Timeline summaries: codes, amounts, dates and municipality names only.

const KIND_TEXT: Record<DepositApplicationKind, string> = {
  beboerindskudslan: 'beboerindskudslån',
  'moving-expenses': 'moving expenses',
  'furniture-grant': 'furniture grant',
};

const DOCUMENTATION_TEXT: Record<DocumentationKind, string> = {
  'housing-offer': 'housing offer',
  'lease-contract': 'lease contract',
  'deposit-invoice': 'deposit invoice',
  'moving-quote': 'moving quote',
  'income-statement': 'income statement',
  'bank-statements': 'bank statements',
  'debt-overview': 'debt overview',
  other: 'other documentation',
};

const FAST_TRACK_TEXT: Record<FastTrackReason, string> = {
  'housing-offer-lease-deadline': 'housing offer with lease-signing deadline',
  'shelter-discharge': 'shelter discharge pending',
  'eviction-prevention': 'eviction prevention',
  other: 'other reason',
};

const OUTCOME_TEXT: Record<DecisionOutcome, string> = {
  granted: 'granted',
  'partially-granted': 'partially granted',
  refused: 'refused',
};

/** 12000 -> "12,000 kr"; 1234.5 -> "1,234.50 kr". */
export function formatKr(amount: number): string {
  const [whole, fraction] = (Number.isInteger(amount) ? String(amount) : amount.toFixed(2)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${fraction ? `.${fraction}` : ''} kr`;
}

function municipalityText(code: string): string {
  const name = municipalityName(code);
  return name ? `${name} (${code})` : `municipality ${code}`;
}

const text = (code: string): string => code.replace(/-/g, ' ');

export function summarizeBenefits(event: BenefitsEvent): string {
  switch (event.type) {
    case 'DepositApplicationSubmitted': {
      const d = event.data;
      let summary = `Deposit application submitted: ${KIND_TEXT[d.kind]} (${d.legalBasis}), ${formatKr(d.amountKr)}; decided by ${municipalityText(d.decidingMunicipality)}`;
      if (d.linkedOfferId !== undefined) summary += '; linked to a housing offer';
      if (d.leaseSigningDeadline !== undefined)
        summary += `; lease-signing deadline ${d.leaseSigningDeadline}`;
      return summary;
    }
    case 'DocumentationRequested':
      return `Documentation requested for a deposit application: ${DOCUMENTATION_TEXT[event.data.what]}, due ${event.data.dueDate}`;
    case 'DocumentationReceived':
      return `Documentation received for a deposit application: ${DOCUMENTATION_TEXT[event.data.what]}`;
    case 'DepositApplicationFastTracked':
      return `Deposit application fast-tracked: ${FAST_TRACK_TEXT[event.data.reason]}`;
    case 'DepositApplicationDecided': {
      const d = event.data;
      let summary = `Deposit application (${KIND_TEXT[d.kind]}, ${d.legalBasis}) ${OUTCOME_TEXT[d.outcome]}`;
      if (d.outcome === 'granted') summary += `: ${formatKr(d.grantedAmountKr)}`;
      if (d.outcome === 'partially-granted') {
        summary += `: ${formatKr(d.grantedAmountKr)} of ${formatKr(d.appliedAmountKr)}`;
      }
      if (d.outcome === 'refused') summary += ` (applied ${formatKr(d.appliedAmountKr)})`;
      if (d.reasonCode !== undefined) summary += `; reason: ${text(d.reasonCode)}`;
      if (d.fastTracked) summary += '; fast-tracked';
      return summary;
    }
    case 'EconomyAdministrationAgreed': {
      let summary = `Voluntary economy administration agreed (${event.data.scope.map(text).join(', ')})`;
      if (event.data.reviewDate !== undefined) summary += `; review ${event.data.reviewDate}`;
      return summary;
    }
    case 'EconomyAdministrationEnded':
      return `Voluntary economy administration ended: ${text(event.data.reason)}`;
    default:
      return assertNever(event);
  }
}

export const benefitsProcess: ProcessDefinition<BenefitsCommand, BenefitsState, BenefitsEvent> = {
  name: 'benefits',
  streamId: benefitsStreamId,
  decider: benefitsDecider,
  // The legal basis of applications and decisions depends on the kind, so it travels in the event data
  // (`legalBasis`) rather than here; the other events are case handling without a statute of their own.
  events: {
    DepositApplicationSubmitted: { schemaVersion: 1, category: 'benefits' },
    DocumentationRequested: { schemaVersion: 1, category: 'benefits' },
    DocumentationReceived: { schemaVersion: 1, category: 'benefits' },
    DepositApplicationFastTracked: { schemaVersion: 1, category: 'benefits' },
    DepositApplicationDecided: { schemaVersion: 1, category: 'benefits' },
    EconomyAdministrationAgreed: { schemaVersion: 1, category: 'benefits' },
    EconomyAdministrationEnded: { schemaVersion: 1, category: 'benefits' },
  },
  summarize: summarizeBenefits,
};
