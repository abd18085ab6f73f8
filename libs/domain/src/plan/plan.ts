import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import { assertPlainDate, copenhagenDate } from '../calendar';
import type { ProcessDefinition } from '../process';
import { assertOccurredAtAcceptable } from '../rules';

/**
 * Plan & assessment (DOMAIN.md §5.3): the adult assessment (VUM, voksenudredningsmetoden), the serviceloven §141
 * action plan (handleplan) and the waiting-period plan: where the citizen stays and who supports them until
 * housing comes (002:L1748: "a plan for how and when the housing solution is established, and where the citizen
 * can stay and be supported during a waiting period").
 *
 * One stream per citizen holding all assessments and action plans: "one assessment in progress at a time" and
 * "one unanswered action-plan offer at a time" then live in one stream and are guarded by its optimistic
 * concurrency. Assessments and action plans are addressed by their own ids inside the stream, so a plan that is
 * revised years later is a new offer with a new id, and the history of earlier ones is kept.
 */
export function planStreamId(citizenId: string): string {
  return `plan-${citizenId}`;
}

/** VUM 2.0 replaced the first VUM in 2017; some municipalities still name the older one, others use their own. */
export const ASSESSMENT_METHODS = ['vum-2.0', 'vum', 'other'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/** Life areas a §141 plan covers. Deliberately coarse: the plan's content lives in the case system (ESDH). */
export const ACTION_PLAN_FOCUS_AREAS = [
  'housing',
  'economy',
  'employment',
  'health',
  'daily-living',
  'social-network',
] as const;
export type ActionPlanFocusArea = (typeof ACTION_PLAN_FOCUS_AREAS)[number];

/** Where the citizen stays while waiting for housing (cf. the national count's situations, 000:L671). */
export const WAITING_PERIOD_STAYS = [
  'shelter',
  'night-shelter',
  'transitional-housing',
  'family-or-friends',
  'hotel-or-hostel',
  'street',
  'other',
] as const;
export type WaitingPeriodStay = (typeof WAITING_PERIOD_STAYS)[number];

/** Who supports the citizen while waiting: a unit function (DOMAIN.md §3), never a named person. */
export const WAITING_PERIOD_SUPPORT = [
  'support-provider',
  'shelter-staff',
  'outreach-team',
  'social-authority',
  'none',
] as const;
export type WaitingPeriodSupport = (typeof WAITING_PERIOD_SUPPORT)[number];

export type AssessmentStarted = {
  type: 'AssessmentStarted';
  data: {
    citizenId: string;
    occurredAt: string;
    assessmentId: string;
    method: AssessmentMethod;
    /** planned completion date ('YYYY-MM-DD'), when the authority has set one */
    expectedCompletionBy: string | null;
  };
};

export type AssessmentCompleted = {
  type: 'AssessmentCompleted';
  data: {
    citizenId: string;
    occurredAt: string;
    assessmentId: string;
    /** the outcome as a flag only; the assessment itself stays in the case system */
    supportNeedIdentified: boolean;
  };
};

export type ActionPlanOffered = {
  type: 'ActionPlanOffered';
  data: { citizenId: string; occurredAt: string; actionPlanId: string };
};

export type ActionPlanDeclined = {
  type: 'ActionPlanDeclined';
  data: { citizenId: string; occurredAt: string; actionPlanId: string };
};

export type ActionPlanMade = {
  type: 'ActionPlanMade';
  data: {
    citizenId: string;
    occurredAt: string;
    actionPlanId: string;
    focusAreas: ActionPlanFocusArea[];
    /** 'YYYY-MM-DD' */
    nextFollowUpDue: string | null;
  };
};

export type ActionPlanFollowedUp = {
  type: 'ActionPlanFollowedUp';
  data: {
    citizenId: string;
    occurredAt: string;
    actionPlanId: string;
    /** the plan was changed at the follow-up (not only reviewed) */
    revised: boolean;
    /** 'YYYY-MM-DD' */
    nextFollowUpDue: string | null;
  };
};

export type WaitingPeriodPlanRecorded = {
  type: 'WaitingPeriodPlanRecorded';
  data: {
    citizenId: string;
    occurredAt: string;
    stayingAt: WaitingPeriodStay;
    supportedBy: WaitingPeriodSupport;
    /** name of the supporting unit, e.g. 'Gadeteamet København' (a unit, never a person) */
    supportUnitName: string | null;
    /** when housing is expected to be in place ('YYYY-MM-DD') */
    housingExpectedBy: string | null;
  };
};

export type PlanEvent =
  | AssessmentStarted
  | AssessmentCompleted
  | ActionPlanOffered
  | ActionPlanDeclined
  | ActionPlanMade
  | ActionPlanFollowedUp
  | WaitingPeriodPlanRecorded;

export type StartAssessment = {
  type: 'StartAssessment';
  citizenId: string;
  occurredAt: Date;
  assessmentId: string;
  method: AssessmentMethod;
  expectedCompletionBy: string | null;
};

export type CompleteAssessment = {
  type: 'CompleteAssessment';
  citizenId: string;
  occurredAt: Date;
  assessmentId: string;
  supportNeedIdentified: boolean;
};

export type OfferActionPlan = {
  type: 'OfferActionPlan';
  citizenId: string;
  occurredAt: Date;
  actionPlanId: string;
};

export type DeclineActionPlan = {
  type: 'DeclineActionPlan';
  citizenId: string;
  occurredAt: Date;
  actionPlanId: string;
};

export type MakeActionPlan = {
  type: 'MakeActionPlan';
  citizenId: string;
  occurredAt: Date;
  actionPlanId: string;
  focusAreas: ActionPlanFocusArea[];
  nextFollowUpDue: string | null;
};

export type FollowUpActionPlan = {
  type: 'FollowUpActionPlan';
  citizenId: string;
  occurredAt: Date;
  actionPlanId: string;
  revised: boolean;
  nextFollowUpDue: string | null;
};

export type RecordWaitingPeriodPlan = {
  type: 'RecordWaitingPeriodPlan';
  citizenId: string;
  occurredAt: Date;
  stayingAt: WaitingPeriodStay;
  supportedBy: WaitingPeriodSupport;
  supportUnitName: string | null;
  housingExpectedBy: string | null;
};

export type PlanCommand =
  | StartAssessment
  | CompleteAssessment
  | OfferActionPlan
  | DeclineActionPlan
  | MakeActionPlan
  | FollowUpActionPlan
  | RecordWaitingPeriodPlan;

export type AssessmentStatus = 'started' | 'completed';
export type ActionPlanStatus = 'offered' | 'declined' | 'made';

export type PlanState = {
  assessments: Record<string, { status: AssessmentStatus; startedAt: string }>;
  assessmentInProgress: string | null;
  actionPlans: Record<string, { status: ActionPlanStatus; offeredAt: string; madeAt: string | null }>;
  /** an offer the citizen has neither accepted (plan made) nor declined */
  pendingActionPlanOffer: string | null;
  /** the most recently made plan */
  currentActionPlanId: string | null;
  waitingPeriodPlan: {
    stayingAt: WaitingPeriodStay;
    supportedBy: WaitingPeriodSupport;
    since: string;
  } | null;
};

const ms = (iso: string): number => Date.parse(iso);

function assertOptionalPlainDate(value: string | null, field: string): void {
  if (value !== null) assertPlainDate(value, field);
}

/** A planned date ('YYYY-MM-DD') must not lie before the day the fact happened. */
function assertNotBefore(date: string | null, occurredAt: Date, field: string, code: string): void {
  if (date !== null && date < copenhagenDate(occurredAt)) {
    throw new DomainError('rule-violation', code, `${field} lies before the day it was recorded for`, {
      field,
      [field]: date,
      occurredOn: copenhagenDate(occurredAt),
    });
  }
}

function startAssessment(command: StartAssessment, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertOptionalPlainDate(command.expectedCompletionBy, 'expectedCompletionBy');
  if (Object.hasOwn(state.assessments, command.assessmentId)) {
    throw new DomainError(
      'conflict',
      'assessment-id-reused',
      'An assessment with this id was already started',
      {
        assessmentId: command.assessmentId,
      },
    );
  }
  // One assessment at a time: a second one would mean two caseworkers assessing in parallel without knowing.
  if (state.assessmentInProgress !== null) {
    throw new DomainError(
      'conflict',
      'assessment-already-in-progress',
      'An assessment of the citizen is already in progress',
      { assessmentInProgress: state.assessmentInProgress },
    );
  }
  assertNotBefore(
    command.expectedCompletionBy,
    command.occurredAt,
    'expectedCompletionBy',
    'completion-expected-before-start',
  );
  return [
    {
      type: 'AssessmentStarted',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        assessmentId: command.assessmentId,
        method: command.method,
        expectedCompletionBy: command.expectedCompletionBy,
      },
    },
  ];
}

function completeAssessment(command: CompleteAssessment, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const assessment = state.assessments[command.assessmentId];
  if (!Object.hasOwn(state.assessments, command.assessmentId) || assessment === undefined) {
    throw new DomainError('not-found', 'assessment-not-found', 'No assessment with this id was started', {
      assessmentId: command.assessmentId,
    });
  }
  if (assessment.status === 'completed') {
    throw new DomainError('conflict', 'assessment-already-completed', 'The assessment is already completed', {
      assessmentId: command.assessmentId,
    });
  }
  if (command.occurredAt.getTime() < ms(assessment.startedAt)) {
    throw new DomainError(
      'rule-violation',
      'assessment-completed-before-start',
      'An assessment cannot be completed before it started',
      { assessmentId: command.assessmentId, startedAt: assessment.startedAt },
    );
  }
  return [
    {
      type: 'AssessmentCompleted',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        assessmentId: command.assessmentId,
        supportNeedIdentified: command.supportNeedIdentified,
      },
    },
  ];
}

/**
 * §141 stk. 2: the municipality must OFFER a plan; the citizen may decline it. A new offer while a plan is in
 * force is a revision and is allowed; a new offer while an earlier one is still unanswered is not, so the
 * answer can never be recorded against the wrong offer.
 */
function offerActionPlan(command: OfferActionPlan, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  if (Object.hasOwn(state.actionPlans, command.actionPlanId)) {
    throw new DomainError(
      'conflict',
      'action-plan-id-reused',
      'An action plan with this id was already offered',
      {
        actionPlanId: command.actionPlanId,
      },
    );
  }
  if (state.pendingActionPlanOffer !== null) {
    throw new DomainError(
      'conflict',
      'action-plan-offer-pending',
      'An earlier action-plan offer has not been answered yet',
      { pendingActionPlanId: state.pendingActionPlanOffer },
    );
  }
  return [
    {
      type: 'ActionPlanOffered',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        actionPlanId: command.actionPlanId,
      },
    },
  ];
}

/** An unknown id means the plan was never offered: 404, as for any id the stream has not seen. */
function offeredPlan(state: PlanState, actionPlanId: string): PlanState['actionPlans'][string] {
  const plan = state.actionPlans[actionPlanId];
  if (!Object.hasOwn(state.actionPlans, actionPlanId) || plan === undefined) {
    throw new DomainError('not-found', 'action-plan-not-offered', 'No action plan with this id was offered', {
      actionPlanId,
    });
  }
  return plan;
}

/** Declining and making are the two answers to an offer; each is possible once. */
function answerOffer(
  command: DeclineActionPlan | MakeActionPlan,
  state: PlanState,
): PlanState['actionPlans'][string] {
  const plan = offeredPlan(state, command.actionPlanId);
  if (plan.status !== 'offered') {
    throw new DomainError(
      'conflict',
      'action-plan-offer-already-answered',
      `The action-plan offer was already answered (${plan.status})`,
      { actionPlanId: command.actionPlanId, status: plan.status },
    );
  }
  if (command.occurredAt.getTime() < ms(plan.offeredAt)) {
    throw new DomainError(
      'rule-violation',
      'action-plan-answer-before-offer',
      'An action-plan offer cannot be answered before it was made',
      { actionPlanId: command.actionPlanId, offeredAt: plan.offeredAt },
    );
  }
  return plan;
}

function declineActionPlan(command: DeclineActionPlan, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  answerOffer(command, state);
  return [
    {
      type: 'ActionPlanDeclined',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        actionPlanId: command.actionPlanId,
      },
    },
  ];
}

function makeActionPlan(command: MakeActionPlan, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertOptionalPlainDate(command.nextFollowUpDue, 'nextFollowUpDue');
  if (command.focusAreas.length === 0) {
    throw new DomainError('rule-violation', 'action-plan-without-focus', 'An action plan needs a focus area');
  }
  answerOffer(command, state);
  assertNotBefore(
    command.nextFollowUpDue,
    command.occurredAt,
    'nextFollowUpDue',
    'follow-up-due-before-plan',
  );
  return [
    {
      type: 'ActionPlanMade',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        actionPlanId: command.actionPlanId,
        focusAreas: [...new Set(command.focusAreas)],
        nextFollowUpDue: command.nextFollowUpDue,
      },
    },
  ];
}

function followUpActionPlan(command: FollowUpActionPlan, state: PlanState, now: Date): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertOptionalPlainDate(command.nextFollowUpDue, 'nextFollowUpDue');
  const plan = offeredPlan(state, command.actionPlanId);
  if (plan.status !== 'made' || plan.madeAt === null) {
    throw new DomainError(
      'conflict',
      'action-plan-not-made',
      'Only a plan that was made can be followed up',
      {
        actionPlanId: command.actionPlanId,
        status: plan.status,
      },
    );
  }
  // Follow-ups reported late may arrive out of order, so they are only checked against the plan itself.
  if (command.occurredAt.getTime() < ms(plan.madeAt)) {
    throw new DomainError(
      'rule-violation',
      'follow-up-before-plan',
      'A plan cannot be followed up before it was made',
      { actionPlanId: command.actionPlanId, madeAt: plan.madeAt },
    );
  }
  assertNotBefore(
    command.nextFollowUpDue,
    command.occurredAt,
    'nextFollowUpDue',
    'follow-up-due-before-plan',
  );
  return [
    {
      type: 'ActionPlanFollowedUp',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        actionPlanId: command.actionPlanId,
        revised: command.revised,
        nextFollowUpDue: command.nextFollowUpDue,
      },
    },
  ];
}

/**
 * Always allowed, also before any assessment or §141 plan: Housing First asks for the waiting-period plan at
 * visitation to support (002:L1748), and a citizen must not wait unsupported because paperwork is pending.
 * A new plan replaces the previous one.
 */
function recordWaitingPeriodPlan(
  command: RecordWaitingPeriodPlan,
  _state: PlanState,
  now: Date,
): PlanEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertOptionalPlainDate(command.housingExpectedBy, 'housingExpectedBy');
  assertNotBefore(
    command.housingExpectedBy,
    command.occurredAt,
    'housingExpectedBy',
    'housing-expected-before-plan',
  );
  return [
    {
      type: 'WaitingPeriodPlanRecorded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        stayingAt: command.stayingAt,
        supportedBy: command.supportedBy,
        supportUnitName: command.supportUnitName,
        housingExpectedBy: command.housingExpectedBy,
      },
    },
  ];
}

export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = {
  initialState: () => ({
    assessments: {},
    assessmentInProgress: null,
    actionPlans: {},
    pendingActionPlanOffer: null,
    currentActionPlanId: null,
    waitingPeriodPlan: null,
  }),

  decide(command, state, now) {
    switch (command.type) {
      case 'StartAssessment':
        return startAssessment(command, state, now);
      case 'CompleteAssessment':
        return completeAssessment(command, state, now);
      case 'OfferActionPlan':
        return offerActionPlan(command, state, now);
      case 'DeclineActionPlan':
        return declineActionPlan(command, state, now);
      case 'MakeActionPlan':
        return makeActionPlan(command, state, now);
      case 'FollowUpActionPlan':
        return followUpActionPlan(command, state, now);
      case 'RecordWaitingPeriodPlan':
        return recordWaitingPeriodPlan(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AssessmentStarted':
        return {
          ...state,
          assessments: {
            ...state.assessments,
            [event.data.assessmentId]: { status: 'started', startedAt: event.data.occurredAt },
          },
          assessmentInProgress: event.data.assessmentId,
        };
      case 'AssessmentCompleted': {
        const assessment = state.assessments[event.data.assessmentId];
        return {
          ...state,
          assessments: assessment
            ? { ...state.assessments, [event.data.assessmentId]: { ...assessment, status: 'completed' } }
            : state.assessments,
          assessmentInProgress:
            state.assessmentInProgress === event.data.assessmentId ? null : state.assessmentInProgress,
        };
      }
      case 'ActionPlanOffered':
        return {
          ...state,
          actionPlans: {
            ...state.actionPlans,
            [event.data.actionPlanId]: { status: 'offered', offeredAt: event.data.occurredAt, madeAt: null },
          },
          pendingActionPlanOffer: event.data.actionPlanId,
        };
      case 'ActionPlanDeclined':
      case 'ActionPlanMade': {
        const id = event.data.actionPlanId;
        const plan = state.actionPlans[id];
        const made = event.type === 'ActionPlanMade';
        return {
          ...state,
          actionPlans: plan
            ? {
                ...state.actionPlans,
                [id]: made
                  ? { ...plan, status: 'made', madeAt: event.data.occurredAt }
                  : { ...plan, status: 'declined' },
              }
            : state.actionPlans,
          pendingActionPlanOffer: state.pendingActionPlanOffer === id ? null : state.pendingActionPlanOffer,
          currentActionPlanId: made ? id : state.currentActionPlanId,
        };
      }
      case 'ActionPlanFollowedUp':
        return state;
      case 'WaitingPeriodPlanRecorded':
        return {
          ...state,
          waitingPeriodPlan: {
            stayingAt: event.data.stayingAt,
            supportedBy: event.data.supportedBy,
            since: event.data.occurredAt,
          },
        };
      default:
        return assertNever(event);
    }
  },
};

const METHOD_TEXT: Record<AssessmentMethod, string> = {
  'vum-2.0': 'VUM 2.0',
  vum: 'VUM',
  other: 'other method',
};

const STAY_TEXT: Record<WaitingPeriodStay, string> = {
  shelter: '§110 shelter',
  'night-shelter': 'night shelter',
  'transitional-housing': 'transitional housing',
  'family-or-friends': 'family or friends',
  'hotel-or-hostel': 'hotel or hostel',
  street: 'the street',
  other: 'other',
};

const SUPPORT_TEXT: Record<WaitingPeriodSupport, string> = {
  'support-provider': 'support provider',
  'shelter-staff': 'shelter staff',
  'outreach-team': 'outreach team',
  'social-authority': 'social authority',
  none: 'no one',
};

const nextFollowUp = (due: string | null): string => (due ? `; next follow-up due ${due}` : '');

/**
 * Timeline lines: ids, codes, dates and unit names only. Focus areas and the assessment's content are not
 * shown: they can reveal health and substance use (GDPR art. 9), and the timeline is shown broadly.
 */
export function summarizePlan(event: PlanEvent): string {
  switch (event.type) {
    case 'AssessmentStarted': {
      const due = event.data.expectedCompletionBy;
      return `Adult assessment (${METHOD_TEXT[event.data.method]}) started${due ? `; expected completed by ${due}` : ''}`;
    }
    case 'AssessmentCompleted':
      return `Adult assessment completed; ${event.data.supportNeedIdentified ? 'support need identified' : 'no support need identified'}`;
    case 'ActionPlanOffered':
      return 'Action plan (serviceloven §141) offered';
    case 'ActionPlanDeclined':
      return 'Action plan (serviceloven §141) declined by the citizen';
    case 'ActionPlanMade': {
      const areas = event.data.focusAreas.length;
      return `Action plan (serviceloven §141) made with ${areas} focus area${areas === 1 ? '' : 's'}${nextFollowUp(event.data.nextFollowUpDue)}`;
    }
    case 'ActionPlanFollowedUp':
      return `Action plan (serviceloven §141) followed up${event.data.revised ? ' and revised' : ''}${nextFollowUp(event.data.nextFollowUpDue)}`;
    case 'WaitingPeriodPlanRecorded': {
      const d = event.data;
      const by = d.supportUnitName
        ? `${SUPPORT_TEXT[d.supportedBy]} (${d.supportUnitName})`
        : SUPPORT_TEXT[d.supportedBy];
      return `Waiting-period plan: stays at ${STAY_TEXT[d.stayingAt]}, supported by ${by}${d.housingExpectedBy ? `; housing expected by ${d.housingExpectedBy}` : ''}`;
    }
    default:
      return assertNever(event);
  }
}

/**
 * Assessments are recorded under the authority's duty to investigate (retssikkerhedsloven §10); action-plan
 * events under serviceloven §141. The waiting-period plan is Housing First practice rather than a statutory
 * act of its own (it is usually written into the §141 plan), so it names no legal basis.
 */
export const planProcess: ProcessDefinition<PlanCommand, PlanState, PlanEvent> = {
  name: 'plan',
  streamId: planStreamId,
  decider: planDecider,
  events: {
    AssessmentStarted: { schemaVersion: 1, category: 'plan', legalBasis: 'retssikkerhedsloven §10' },
    AssessmentCompleted: { schemaVersion: 1, category: 'plan', legalBasis: 'retssikkerhedsloven §10' },
    ActionPlanOffered: { schemaVersion: 1, category: 'plan', legalBasis: 'serviceloven §141' },
    ActionPlanDeclined: { schemaVersion: 1, category: 'plan', legalBasis: 'serviceloven §141' },
    ActionPlanMade: { schemaVersion: 1, category: 'plan', legalBasis: 'serviceloven §141' },
    ActionPlanFollowedUp: { schemaVersion: 1, category: 'plan', legalBasis: 'serviceloven §141' },
    WaitingPeriodPlanRecorded: { schemaVersion: 1, category: 'plan' },
  },
  summarize: summarizePlan,
};
