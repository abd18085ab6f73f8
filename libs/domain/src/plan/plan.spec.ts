import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  ActionPlanDeclined,
  ActionPlanFollowedUp,
  ActionPlanMade,
  ActionPlanOffered,
  AssessmentCompleted,
  AssessmentStarted,
  CompleteAssessment,
  DeclineActionPlan,
  FollowUpActionPlan,
  MakeActionPlan,
  OfferActionPlan,
  planDecider,
  planProcess,
  planStreamId,
  RecordWaitingPeriodPlan,
  StartAssessment,
  summarizePlan,
  WaitingPeriodPlanRecorded,
} from './plan';

const citizenId = '5c0e7a12-3b4d-4e6f-8a9b-1c2d3e4f5a6b';
const spec = specFor(planDecider);
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);

// --- commands -------------------------------------------------------------------------------------------

const startAssessment = (o: Partial<StartAssessment> = {}): StartAssessment => ({
  type: 'StartAssessment',
  citizenId,
  occurredAt: new Date('2026-01-12T09:00:00Z'),
  assessmentId: 'assessment-1',
  method: 'vum-2.0',
  expectedCompletionBy: '2026-02-27',
  ...o,
});

const completeAssessment = (o: Partial<CompleteAssessment> = {}): CompleteAssessment => ({
  type: 'CompleteAssessment',
  citizenId,
  occurredAt: new Date('2026-02-20T13:00:00Z'),
  assessmentId: 'assessment-1',
  supportNeedIdentified: true,
  ...o,
});

const offerPlan = (o: Partial<OfferActionPlan> = {}): OfferActionPlan => ({
  type: 'OfferActionPlan',
  citizenId,
  occurredAt: new Date('2026-02-23T10:00:00Z'),
  actionPlanId: 'plan-1',
  ...o,
});

const declinePlan = (o: Partial<DeclineActionPlan> = {}): DeclineActionPlan => ({
  type: 'DeclineActionPlan',
  citizenId,
  occurredAt: new Date('2026-02-24T10:00:00Z'),
  actionPlanId: 'plan-1',
  ...o,
});

const makePlan = (o: Partial<MakeActionPlan> = {}): MakeActionPlan => ({
  type: 'MakeActionPlan',
  citizenId,
  occurredAt: new Date('2026-02-26T14:00:00Z'),
  actionPlanId: 'plan-1',
  focusAreas: ['housing', 'economy'],
  nextFollowUpDue: '2026-05-26',
  ...o,
});

const followUp = (o: Partial<FollowUpActionPlan> = {}): FollowUpActionPlan => ({
  type: 'FollowUpActionPlan',
  citizenId,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  actionPlanId: 'plan-1',
  revised: false,
  nextFollowUpDue: '2026-06-01',
  ...o,
});

const waitingPlan = (o: Partial<RecordWaitingPeriodPlan> = {}): RecordWaitingPeriodPlan => ({
  type: 'RecordWaitingPeriodPlan',
  citizenId,
  occurredAt: new Date('2026-02-26T15:00:00Z'),
  stayingAt: 'shelter',
  supportedBy: 'support-provider',
  supportUnitName: 'CTI-teamet København',
  housingExpectedBy: '2026-09-01',
  ...o,
});

// --- events ---------------------------------------------------------------------------------------------

const started = (o: Partial<AssessmentStarted['data']> = {}): AssessmentStarted => ({
  type: 'AssessmentStarted',
  data: {
    citizenId,
    occurredAt: '2026-01-12T09:00:00.000Z',
    assessmentId: 'assessment-1',
    method: 'vum-2.0',
    expectedCompletionBy: '2026-02-27',
    ...o,
  },
});

const completed = (o: Partial<AssessmentCompleted['data']> = {}): AssessmentCompleted => ({
  type: 'AssessmentCompleted',
  data: {
    citizenId,
    occurredAt: '2026-02-20T13:00:00.000Z',
    assessmentId: 'assessment-1',
    supportNeedIdentified: true,
    ...o,
  },
});

const offered = (o: Partial<ActionPlanOffered['data']> = {}): ActionPlanOffered => ({
  type: 'ActionPlanOffered',
  data: { citizenId, occurredAt: '2026-02-23T10:00:00.000Z', actionPlanId: 'plan-1', ...o },
});

const declined = (o: Partial<ActionPlanDeclined['data']> = {}): ActionPlanDeclined => ({
  type: 'ActionPlanDeclined',
  data: { citizenId, occurredAt: '2026-02-24T10:00:00.000Z', actionPlanId: 'plan-1', ...o },
});

const made = (o: Partial<ActionPlanMade['data']> = {}): ActionPlanMade => ({
  type: 'ActionPlanMade',
  data: {
    citizenId,
    occurredAt: '2026-02-26T14:00:00.000Z',
    actionPlanId: 'plan-1',
    focusAreas: ['housing', 'economy'],
    nextFollowUpDue: '2026-05-26',
    ...o,
  },
});

const followedUp = (o: Partial<ActionPlanFollowedUp['data']> = {}): ActionPlanFollowedUp => ({
  type: 'ActionPlanFollowedUp',
  data: {
    citizenId,
    occurredAt: '2026-03-01T10:00:00.000Z',
    actionPlanId: 'plan-1',
    revised: false,
    nextFollowUpDue: '2026-06-01',
    ...o,
  },
});

const waitingPlanRecorded = (
  o: Partial<WaitingPeriodPlanRecorded['data']> = {},
): WaitingPeriodPlanRecorded => ({
  type: 'WaitingPeriodPlanRecorded',
  data: {
    citizenId,
    occurredAt: '2026-02-26T15:00:00.000Z',
    stayingAt: 'shelter',
    supportedBy: 'support-provider',
    supportUnitName: 'CTI-teamet København',
    housingExpectedBy: '2026-09-01',
    ...o,
  },
});

describe('Plan & assessment', () => {
  it('one stream per citizen', () => {
    expect(planStreamId(citizenId)).toBe(`plan-${citizenId}`);
  });

  it('declares category plan for every event and serviceloven §141 on the action-plan events', () => {
    for (const info of Object.values(planProcess.events)) expect(info.category).toBe('plan');
    for (const type of [
      'ActionPlanOffered',
      'ActionPlanDeclined',
      'ActionPlanMade',
      'ActionPlanFollowedUp',
    ] as const) {
      expect(planProcess.events[type].legalBasis).toBe('serviceloven §141');
    }
  });

  describe('StartAssessment', () => {
    it('given nothing, when started, then AssessmentStarted', () => {
      spec([]).when(startAssessment()).then([started()]);
    });

    it('given nothing, when started without a planned completion date, then recorded without one', () => {
      spec([])
        .when(startAssessment({ method: 'vum', expectedCompletionBy: null }))
        .then([started({ method: 'vum', expectedCompletionBy: null })]);
    });

    it('given a completed assessment, when a new one starts, then AssessmentStarted', () => {
      spec([started(), completed()])
        .when(
          startAssessment({
            assessmentId: 'assessment-2',
            occurredAt: new Date('2026-03-01T09:00:00Z'),
            expectedCompletionBy: '2026-04-15',
          }),
        )
        .then([
          started({
            assessmentId: 'assessment-2',
            occurredAt: '2026-03-01T09:00:00.000Z',
            expectedCompletionBy: '2026-04-15',
          }),
        ]);
    });

    it('given an assessment in progress, when another starts, then conflict naming it', () => {
      const error = spec([started()])
        .when(startAssessment({ assessmentId: 'assessment-2' }))
        .thenThrows('assessment-already-in-progress', 'conflict');
      expect(error.details).toEqual({ assessmentInProgress: 'assessment-1' });
    });

    it('given a completed assessment, when started again with its id, then conflict', () => {
      spec([started(), completed()]).when(startAssessment()).thenThrows('assessment-id-reused', 'conflict');
    });

    it('when the expected completion lies before the start day, then rule violation', () => {
      spec([])
        .when(startAssessment({ expectedCompletionBy: '2026-01-11' }))
        .thenThrows('completion-expected-before-start', 'rule-violation');
    });

    it('when the expected completion is not a calendar date, then rule violation', () => {
      spec([])
        .when(startAssessment({ expectedCompletionBy: '2026-02-30' }))
        .thenThrows('invalid-date', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(startAssessment({ occurredAt: justOverFiveMinutesAhead, expectedCompletionBy: null }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('CompleteAssessment', () => {
    it('given a started assessment, when completed, then AssessmentCompleted', () => {
      spec([started()]).when(completeAssessment()).then([completed()]);
    });

    it('given a started assessment, when completed without a support need, then the flag is recorded', () => {
      spec([started()])
        .when(completeAssessment({ supportNeedIdentified: false }))
        .then([completed({ supportNeedIdentified: false })]);
    });

    it('given nothing, when completed, then not found (it was never started)', () => {
      spec([]).when(completeAssessment()).thenThrows('assessment-not-found', 'not-found');
    });

    it('given a completed assessment, when completed again, then conflict', () => {
      spec([started(), completed()])
        .when(completeAssessment())
        .thenThrows('assessment-already-completed', 'conflict');
    });

    it('given a started assessment, when completed before it started, then rule violation', () => {
      spec([started()])
        .when(completeAssessment({ occurredAt: new Date('2026-01-12T08:59:59Z') }))
        .thenThrows('assessment-completed-before-start', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([started()])
        .when(completeAssessment({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('OfferActionPlan (§141)', () => {
    it('given nothing, when offered, then ActionPlanOffered', () => {
      spec([]).when(offerPlan()).then([offered()]);
    });

    it('given a made plan, when a revision is offered, then ActionPlanOffered', () => {
      spec([offered(), made()])
        .when(offerPlan({ actionPlanId: 'plan-2', occurredAt: new Date('2026-03-01T10:00:00Z') }))
        .then([offered({ actionPlanId: 'plan-2', occurredAt: '2026-03-01T10:00:00.000Z' })]);
    });

    it('given a declined offer, when offered again, then ActionPlanOffered', () => {
      spec([offered(), declined()])
        .when(offerPlan({ actionPlanId: 'plan-2', occurredAt: new Date('2026-03-01T10:00:00Z') }))
        .then([offered({ actionPlanId: 'plan-2', occurredAt: '2026-03-01T10:00:00.000Z' })]);
    });

    it('given an unanswered offer, when another is offered, then conflict naming it', () => {
      const error = spec([offered()])
        .when(offerPlan({ actionPlanId: 'plan-2' }))
        .thenThrows('action-plan-offer-pending', 'conflict');
      expect(error.details).toEqual({ pendingActionPlanId: 'plan-1' });
    });

    it('given a declined offer, when offered with its id, then conflict', () => {
      spec([offered(), declined()]).when(offerPlan()).thenThrows('action-plan-id-reused', 'conflict');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(offerPlan({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('DeclineActionPlan', () => {
    it('given an offer, when declined, then ActionPlanDeclined', () => {
      spec([offered()]).when(declinePlan()).then([declined()]);
    });

    it('given nothing, when declined, then not found (it was never offered)', () => {
      spec([]).when(declinePlan()).thenThrows('action-plan-not-offered', 'not-found');
    });

    it('given a made plan, when declined, then conflict', () => {
      const error = spec([offered(), made()])
        .when(declinePlan({ occurredAt: new Date('2026-02-27T10:00:00Z') }))
        .thenThrows('action-plan-offer-already-answered', 'conflict');
      expect(error.details).toEqual({ actionPlanId: 'plan-1', status: 'made' });
    });

    it('given a declined offer, when declined again, then conflict', () => {
      spec([offered(), declined()])
        .when(declinePlan())
        .thenThrows('action-plan-offer-already-answered', 'conflict');
    });

    it('given an offer, when declined before it was offered, then rule violation', () => {
      spec([offered()])
        .when(declinePlan({ occurredAt: new Date('2026-02-23T09:59:59Z') }))
        .thenThrows('action-plan-answer-before-offer', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([offered()])
        .when(declinePlan({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('MakeActionPlan', () => {
    it('given an offer, when the plan is made, then ActionPlanMade', () => {
      spec([offered()]).when(makePlan()).then([made()]);
    });

    it('given an offer, when made with repeated focus areas and no follow-up date, then areas are recorded once', () => {
      spec([offered()])
        .when(makePlan({ focusAreas: ['housing', 'health', 'housing'], nextFollowUpDue: null }))
        .then([made({ focusAreas: ['housing', 'health'], nextFollowUpDue: null })]);
    });

    it('given nothing, when made, then not found (it was never offered)', () => {
      spec([]).when(makePlan()).thenThrows('action-plan-not-offered', 'not-found');
    });

    it('given a declined offer, when made, then conflict', () => {
      spec([offered(), declined()])
        .when(makePlan())
        .thenThrows('action-plan-offer-already-answered', 'conflict');
    });

    it('given a made plan, when made again, then conflict', () => {
      spec([offered(), made()]).when(makePlan()).thenThrows('action-plan-offer-already-answered', 'conflict');
    });

    it('given an offer, when made without focus areas, then rule violation', () => {
      spec([offered()])
        .when(makePlan({ focusAreas: [] }))
        .thenThrows('action-plan-without-focus', 'rule-violation');
    });

    it('given an offer, when made before the offer, then rule violation', () => {
      spec([offered()])
        .when(makePlan({ occurredAt: new Date('2026-02-22T10:00:00Z') }))
        .thenThrows('action-plan-answer-before-offer', 'rule-violation');
    });

    it('given an offer, when the next follow-up is due before the plan day, then rule violation', () => {
      spec([offered()])
        .when(makePlan({ nextFollowUpDue: '2026-02-25' }))
        .thenThrows('follow-up-due-before-plan', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([offered()])
        .when(makePlan({ occurredAt: justOverFiveMinutesAhead, nextFollowUpDue: null }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('FollowUpActionPlan', () => {
    it('given a made plan, when followed up, then ActionPlanFollowedUp', () => {
      spec([offered(), made()]).when(followUp()).then([followedUp()]);
    });

    it('given a followed-up plan, when followed up again and revised, then ActionPlanFollowedUp', () => {
      spec([offered(), made(), followedUp()])
        .when(
          followUp({ occurredAt: new Date('2026-03-02T09:00:00Z'), revised: true, nextFollowUpDue: null }),
        )
        .then([followedUp({ occurredAt: '2026-03-02T09:00:00.000Z', revised: true, nextFollowUpDue: null })]);
    });

    it('given nothing, when followed up, then not found', () => {
      spec([]).when(followUp()).thenThrows('action-plan-not-offered', 'not-found');
    });

    it('given only an offer, when followed up, then conflict (a made plan is required)', () => {
      const error = spec([offered()]).when(followUp()).thenThrows('action-plan-not-made', 'conflict');
      expect(error.details).toEqual({ actionPlanId: 'plan-1', status: 'offered' });
    });

    it('given a declined offer, when followed up, then conflict', () => {
      spec([offered(), declined()]).when(followUp()).thenThrows('action-plan-not-made', 'conflict');
    });

    it('given a made plan, when followed up before it was made, then rule violation', () => {
      spec([offered(), made()])
        .when(followUp({ occurredAt: new Date('2026-02-26T13:59:59Z') }))
        .thenThrows('follow-up-before-plan', 'rule-violation');
    });

    it('given a made plan, when the next follow-up is due before the follow-up day, then rule violation', () => {
      spec([offered(), made()])
        .when(followUp({ nextFollowUpDue: '2026-02-28' }))
        .thenThrows('follow-up-due-before-plan', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([offered(), made()])
        .when(followUp({ occurredAt: justOverFiveMinutesAhead, nextFollowUpDue: null }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordWaitingPeriodPlan', () => {
    it('given nothing (no assessment, no §141 plan), when recorded, then WaitingPeriodPlanRecorded', () => {
      spec([]).when(waitingPlan()).then([waitingPlanRecorded()]);
    });

    it('given an earlier plan, when a new one is recorded without unit or date, then it is recorded', () => {
      spec([waitingPlanRecorded()])
        .when(
          waitingPlan({
            stayingAt: 'family-or-friends',
            supportedBy: 'outreach-team',
            supportUnitName: null,
            housingExpectedBy: null,
          }),
        )
        .then([
          waitingPlanRecorded({
            stayingAt: 'family-or-friends',
            supportedBy: 'outreach-team',
            supportUnitName: null,
            housingExpectedBy: null,
          }),
        ]);
    });

    it('when housing is expected before the day of the plan, then rule violation', () => {
      spec([])
        .when(waitingPlan({ housingExpectedBy: '2026-02-25' }))
        .thenThrows('housing-expected-before-plan', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(waitingPlan({ occurredAt: justOverFiveMinutesAhead, housingExpectedBy: null }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('evolve', () => {
    it('tracks assessments, the pending offer, the current plan and the waiting-period plan', () => {
      expect(fold(planDecider, [started(), offered()])).toMatchObject({
        assessmentInProgress: 'assessment-1',
        pendingActionPlanOffer: 'plan-1',
        currentActionPlanId: null,
      });
      expect(fold(planDecider, [started(), completed(), offered(), made(), waitingPlanRecorded()])).toEqual({
        assessments: { 'assessment-1': { status: 'completed', startedAt: '2026-01-12T09:00:00.000Z' } },
        assessmentInProgress: null,
        actionPlans: {
          'plan-1': {
            status: 'made',
            offeredAt: '2026-02-23T10:00:00.000Z',
            madeAt: '2026-02-26T14:00:00.000Z',
          },
        },
        pendingActionPlanOffer: null,
        currentActionPlanId: 'plan-1',
        waitingPeriodPlan: {
          stayingAt: 'shelter',
          supportedBy: 'support-provider',
          since: '2026-02-26T15:00:00.000Z',
        },
      });
    });
  });

  describe('summaries', () => {
    it('are short English lines with dates and no free text beyond unit names', () => {
      expect(summarizePlan(started())).toBe(
        'Adult assessment (VUM 2.0) started; expected completed by 2026-02-27',
      );
      expect(summarizePlan(completed())).toBe('Adult assessment completed; support need identified');
      expect(summarizePlan(completed({ supportNeedIdentified: false }))).toBe(
        'Adult assessment completed; no support need identified',
      );
      expect(summarizePlan(offered())).toBe('Action plan (serviceloven §141) offered');
      expect(summarizePlan(declined())).toBe('Action plan (serviceloven §141) declined by the citizen');
      expect(summarizePlan(made())).toBe(
        'Action plan (serviceloven §141) made with 2 focus areas; next follow-up due 2026-05-26',
      );
      expect(summarizePlan(followedUp({ revised: true, nextFollowUpDue: null }))).toBe(
        'Action plan (serviceloven §141) followed up and revised',
      );
      expect(summarizePlan(waitingPlanRecorded())).toBe(
        'Waiting-period plan: stays at §110 shelter, supported by support provider (CTI-teamet København); housing expected by 2026-09-01',
      );
    });

    it('never name the focus areas (they can reveal health data)', () => {
      expect(summarizePlan(made({ focusAreas: ['health'] }))).not.toContain('health');
    });
  });
});
