import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import { addMonths, copenhagenDate, daysBetween } from './local-date';
import {
  activeSupportCourses,
  hasChapter16Support,
  SUPPORT_LEGAL_BASIS,
  SupportCommand,
  supportCoursesPausedFor,
  supportDecider,
  SupportEvent,
  SupportMethod,
  supportProcess,
  supportStreamId,
} from './support';

const citizenId = '8b2d4f60-1a3c-4e5f-9b7d-0c1e2f3a4b5c';
const supportId = 'a0f1c2d3-0000-7000-8000-000000000001';
const otherSupportId = 'a0f1c2d3-0000-7000-8000-000000000002';
const provider = 'unit-cti-team-kobenhavn';

const DECIDED_AT = '2026-01-05T09:00:00.000Z';
const STARTED_AT = '2026-01-12T10:00:00.000Z';

const course = (method: SupportMethod, id = supportId) => ({
  citizenId,
  supportId: id,
  method,
  legalBasis: SUPPORT_LEGAL_BASIS[method],
});

const decided = (method: SupportMethod = 'cti', id = supportId, occurredAt = DECIDED_AT): SupportEvent => ({
  type: 'SupportDecided',
  data: {
    ...course(method, id),
    occurredAt,
    providerUnitId: provider,
    decidedBeforeShelterDischarge: true,
  },
});
const started = (method: SupportMethod = 'cti', id = supportId, occurredAt = STARTED_AT): SupportEvent => ({
  type: 'SupportStarted',
  data: { ...course(method, id), occurredAt },
});
const paused = (method: SupportMethod = 'cti', occurredAt = '2026-02-01T08:00:00.000Z'): SupportEvent => ({
  type: 'SupportPaused',
  data: {
    ...course(method),
    occurredAt,
    reason: 'psychiatric-admission',
    institutionStayId: 'adm-1',
  },
});
const ended = (method: SupportMethod = 'cti'): SupportEvent => ({
  type: 'SupportEnded',
  data: {
    ...course(method),
    occurredAt: '2026-02-20T10:00:00.000Z',
    endKind: 'unplanned',
    reason: 'no-wish',
    successorSupport: 'none',
  },
});
const contactLost = (method: SupportMethod = 'cti'): SupportEvent => ({
  type: 'ContactLost',
  data: {
    ...course(method),
    occurredAt: '2026-02-10T10:00:00.000Z',
    lastContactAt: STARTED_AT,
    daysWithoutContact: 29,
  },
});
const phase = (
  p: 'phase-1' | 'phase-2' | 'phase-3',
  previousPhase: string,
  occurredAt: string,
): SupportEvent =>
  ({
    type: 'CtiPhaseAdvanced',
    data: { ...course('cti'), occurredAt, phase: p, previousPhase },
  }) as SupportEvent;

const at = (iso: string) => new Date(iso);
const cmd = <T extends SupportCommand['type']>(
  type: T,
  fields: Omit<Extract<SupportCommand, { type: T }>, 'type' | 'citizenId' | 'supportId' | 'occurredAt'> &
    Partial<Pick<Extract<SupportCommand, { type: T }>, 'occurredAt' | 'supportId'>>,
): SupportCommand =>
  ({ type, citizenId, supportId, occurredAt: at('2026-02-25T10:00:00Z'), ...fields }) as SupportCommand;

const spec = specFor(supportDecider);

describe('Support (§85, §85a, aftercare)', () => {
  it('keeps all courses of a citizen in one stream', () => {
    expect(supportStreamId(citizenId)).toBe(`support-${citizenId}`);
    expect(supportProcess.streamId(citizenId)).toBe(`support-${citizenId}`);
  });

  it('maps each method to its statute', () => {
    expect(SUPPORT_LEGAL_BASIS).toEqual({
      'section-85': 'serviceloven §85',
      cti: 'serviceloven §85a',
      icm: 'serviceloven §85a',
      act: 'serviceloven §85a',
      'm-act': 'serviceloven §85a',
      aftercare: 'serviceloven §85',
    });
  });

  describe('DecideSupport', () => {
    it('records the decision with the method, provider, §176a flag and legal basis', () => {
      spec([])
        .when(
          cmd('DecideSupport', {
            method: 'icm',
            providerUnitId: 'unit-icm-team-aarhus',
            decidedBeforeShelterDischarge: false,
            occurredAt: at(DECIDED_AT),
          }),
        )
        .then([
          {
            type: 'SupportDecided',
            data: {
              ...course('icm'),
              legalBasis: 'serviceloven §85a',
              occurredAt: DECIDED_AT,
              providerUnitId: 'unit-icm-team-aarhus',
              decidedBeforeShelterDischarge: false,
            },
          },
        ]);
    });

    it('records §85 for bostøtte and aftercare', () => {
      for (const method of ['section-85', 'aftercare'] as const) {
        const [event] = supportDecider.decide(
          cmd('DecideSupport', {
            method,
            providerUnitId: provider,
            decidedBeforeShelterDischarge: true,
          }) as never,
          supportDecider.initialState(),
          SPEC_NOW,
        );
        expect(event.data.legalBasis).toBe('serviceloven §85');
      }
    });

    it('refuses a supportId that is already used (409)', () => {
      spec([decided()])
        .when(
          cmd('DecideSupport', {
            method: 'cti',
            providerUnitId: provider,
            decidedBeforeShelterDischarge: true,
          }),
        )
        .thenThrows('support-id-reused', 'conflict');
    });

    it('refuses a decision dated more than 5 minutes ahead (422)', () => {
      spec([])
        .when(
          cmd('DecideSupport', {
            method: 'cti',
            providerUnitId: provider,
            decidedBeforeShelterDischarge: true,
            occurredAt: new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1),
          }),
        )
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('StartSupport', () => {
    it('starts a decided course', () => {
      spec([decided('act')])
        .when(cmd('StartSupport', { occurredAt: at(STARTED_AT) }))
        .then([started('act')]);
    });

    it('starts CTI in its contact period', () => {
      const state = fold(supportDecider, [decided(), started()]);
      expect(state.courses[supportId]).toMatchObject({
        status: 'active',
        ctiPhase: 'contact',
        startedAt: STARTED_AT,
      });
    });

    it('refuses an unknown course (404)', () => {
      spec([]).when(cmd('StartSupport', {})).thenThrows('support-not-found', 'not-found');
    });

    it('refuses to start a course twice (409)', () => {
      spec([decided(), started()])
        .when(cmd('StartSupport', {}))
        .thenThrows('support-already-started', 'conflict');
    });

    it('refuses to start an ended course (409)', () => {
      spec([decided(), ended()])
        .when(cmd('StartSupport', {}))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses a start before the decision (422)', () => {
      spec([decided()])
        .when(cmd('StartSupport', { occurredAt: at('2026-01-04T09:00:00Z') }))
        .thenThrows('support-start-before-decision', 'rule-violation');
    });
  });

  describe('AdvanceCtiPhase', () => {
    it('moves from the contact period to phase 1 and sets the 9-month end', () => {
      spec([decided(), started()])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1', occurredAt: at('2026-02-02T09:00:00Z') }))
        .then([
          {
            type: 'CtiPhaseAdvanced',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-02T09:00:00.000Z',
              phase: 'phase-1',
              previousPhase: 'contact',
              plannedEndDate: '2026-11-02',
            },
          },
        ]);
    });

    it('moves through phases 2 and 3 in order', () => {
      const history = [decided(), started(), phase('phase-1', 'contact', '2026-02-02T09:00:00.000Z')];
      spec(history)
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-2' }))
        .then([
          {
            type: 'CtiPhaseAdvanced',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-25T10:00:00.000Z',
              phase: 'phase-2',
              previousPhase: 'phase-1',
            },
          },
        ]);
      const later = [...history, phase('phase-2', 'phase-1', '2026-02-20T09:00:00.000Z')];
      expect(
        supportDecider.decide(
          cmd('AdvanceCtiPhase', { phase: 'phase-3' }),
          fold(supportDecider, later),
          SPEC_NOW,
        ),
      ).toEqual([
        {
          type: 'CtiPhaseAdvanced',
          data: {
            ...course('cti'),
            occurredAt: '2026-02-25T10:00:00.000Z',
            phase: 'phase-3',
            previousPhase: 'phase-2',
          },
        },
      ]);
    });

    it('advances while the course is paused: a pause does not stop the plan', () => {
      spec([decided(), started(), paused()])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1' }))
        .then([expect.objectContaining({ type: 'CtiPhaseAdvanced' })] as SupportEvent[]);
    });

    it('refuses phases for a method other than CTI (422)', () => {
      spec([decided('icm'), started('icm')])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1' }))
        .thenThrows('cti-phase-only-for-cti', 'rule-violation');
    });

    it('refuses a phase before the course started (409)', () => {
      spec([decided()])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1' }))
        .thenThrows('support-not-started', 'conflict');
    });

    it('refuses a phase for an ended course (409)', () => {
      spec([decided(), started(), ended()])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1' }))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses to skip a phase (422)', () => {
      const error = spec([decided(), started()])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-2' }))
        .thenThrows('cti-phase-skipped', 'rule-violation');
      expect(error.details).toMatchObject({ currentPhase: 'contact', expectedPhase: 'phase-1' });
    });

    it('refuses to repeat a phase or go back (409)', () => {
      const history = [decided(), started(), phase('phase-1', 'contact', '2026-02-02T09:00:00.000Z')];
      spec(history)
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-1' }))
        .thenThrows('cti-phase-not-forward', 'conflict');
      spec(history)
        .when(cmd('AdvanceCtiPhase', { phase: 'contact' }))
        .thenThrows('cti-phase-not-forward', 'conflict');
    });

    it('refuses a phase that begins before the previous one (422)', () => {
      spec([decided(), started(), phase('phase-1', 'contact', '2026-02-02T09:00:00.000Z')])
        .when(cmd('AdvanceCtiPhase', { phase: 'phase-2', occurredAt: at('2026-02-01T09:00:00Z') }))
        .thenThrows('cti-phase-before-previous', 'rule-violation');
    });
  });

  describe('AdjustSupportIntensity', () => {
    it('records the new level with the previous one', () => {
      spec([
        decided('section-85'),
        started('section-85'),
        {
          type: 'SupportIntensityAdjusted',
          data: { ...course('section-85'), occurredAt: STARTED_AT, level: 'medium', previousLevel: null },
        },
      ])
        .when(cmd('AdjustSupportIntensity', { level: 'high', plannedContactsPerWeek: 3 }))
        .then([
          {
            type: 'SupportIntensityAdjusted',
            data: {
              ...course('section-85'),
              occurredAt: '2026-02-25T10:00:00.000Z',
              level: 'high',
              previousLevel: 'medium',
              plannedContactsPerWeek: 3,
            },
          },
        ]);
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), ended()])
        .when(cmd('AdjustSupportIntensity', { level: 'low' }))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses an adjustment before the decision (422)', () => {
      spec([decided()])
        .when(cmd('AdjustSupportIntensity', { level: 'low', occurredAt: at('2026-01-01T00:00:00Z') }))
        .thenThrows('support-adjusted-before-decision', 'rule-violation');
    });
  });

  describe('RecordContactAttempt', () => {
    it('records how and with what outcome', () => {
      spec([decided(), started()])
        .when(cmd('RecordContactAttempt', { channel: 'home-visit', outcome: 'not-reached' }))
        .then([
          {
            type: 'ContactAttempted',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-25T10:00:00.000Z',
              channel: 'home-visit',
              outcome: 'not-reached',
            },
          },
        ]);
    });

    it('also records contact restored when a lost contact is reached', () => {
      spec([decided(), started(), contactLost()])
        .when(cmd('RecordContactAttempt', { channel: 'via-shelter', outcome: 'reached' }))
        .then([
          {
            type: 'ContactAttempted',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-25T10:00:00.000Z',
              channel: 'via-shelter',
              outcome: 'reached',
            },
          },
          {
            type: 'ContactRestored',
            data: { ...course('cti'), occurredAt: '2026-02-25T10:00:00.000Z', channel: 'via-shelter' },
          },
        ]);
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), started(), ended()])
        .when(cmd('RecordContactAttempt', { channel: 'phone', outcome: 'reached' }))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses an attempt before the decision (422)', () => {
      spec([decided()])
        .when(
          cmd('RecordContactAttempt', {
            channel: 'phone',
            outcome: 'reached',
            occurredAt: at('2026-01-01T00:00:00Z'),
          }),
        )
        .thenThrows('contact-attempt-before-decision', 'rule-violation');
    });
  });

  describe('RecordContactLost', () => {
    it('records lost contact after more than three weeks without contact', () => {
      spec([decided(), started()])
        .when(cmd('RecordContactLost', { occurredAt: at('2026-02-03T10:00:01Z') }))
        .then([
          {
            type: 'ContactLost',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-03T10:00:01.000Z',
              lastContactAt: STARTED_AT,
              daysWithoutContact: 22,
            },
          },
        ]);
    });

    it('counts from the last reached contact', () => {
      const reached: SupportEvent = {
        type: 'ContactAttempted',
        data: {
          ...course('cti'),
          occurredAt: '2026-02-10T10:00:00.000Z',
          channel: 'phone',
          outcome: 'reached',
        },
      };
      spec([decided(), started(), reached])
        .when(cmd('RecordContactLost', {}))
        .thenThrows('contact-lost-within-three-weeks', 'rule-violation');
    });

    it('refuses within three weeks of the last contact (422)', () => {
      const error = spec([decided(), started()])
        .when(cmd('RecordContactLost', { occurredAt: at('2026-02-02T10:00:00Z') }))
        .thenThrows('contact-lost-within-three-weeks', 'rule-violation');
      expect(error.details).toMatchObject({ daysWithoutContact: 21 });
    });

    it('refuses a course that has not started (409)', () => {
      spec([decided()]).when(cmd('RecordContactLost', {})).thenThrows('support-not-started', 'conflict');
    });

    it('refuses a paused course: the citizen is known to be in an institution (409)', () => {
      spec([decided(), started(), paused()])
        .when(cmd('RecordContactLost', {}))
        .thenThrows('support-not-active', 'conflict');
    });

    it('refuses when contact is already lost (409)', () => {
      spec([decided(), started(), contactLost()])
        .when(cmd('RecordContactLost', {}))
        .thenThrows('contact-already-lost', 'conflict');
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), started(), ended()])
        .when(cmd('RecordContactLost', {}))
        .thenThrows('support-already-ended', 'conflict');
    });
  });

  describe('RecordContactRestored', () => {
    it('restores lost contact', () => {
      spec([decided(), started(), contactLost()])
        .when(cmd('RecordContactRestored', { channel: 'outreach' }))
        .then([
          {
            type: 'ContactRestored',
            data: { ...course('cti'), occurredAt: '2026-02-25T10:00:00.000Z', channel: 'outreach' },
          },
        ]);
    });

    it('refuses when contact was not lost (409)', () => {
      spec([decided(), started()])
        .when(cmd('RecordContactRestored', { channel: 'phone' }))
        .thenThrows('contact-not-lost', 'conflict');
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), started(), contactLost(), ended()])
        .when(cmd('RecordContactRestored', { channel: 'phone' }))
        .thenThrows('support-already-ended', 'conflict');
    });
  });

  describe('PauseSupport', () => {
    it('pauses an active course with the reason and the institution stay', () => {
      spec([decided(), started()])
        .when(
          cmd('PauseSupport', {
            reason: 'psychiatric-admission',
            institutionStayId: 'adm-1',
            occurredAt: at('2026-02-01T08:00:00Z'),
          }),
        )
        .then([paused()]);
    });

    it('is a no-op on an already paused course, so a retried admission can run again', () => {
      spec([decided(), started(), paused()])
        .when(cmd('PauseSupport', { reason: 'prison' }))
        .then([]);
    });

    it('refuses a course that has not started (409)', () => {
      spec([decided()])
        .when(cmd('PauseSupport', { reason: 'other' }))
        .thenThrows('support-not-started', 'conflict');
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), started(), ended()])
        .when(cmd('PauseSupport', { reason: 'other' }))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses an unknown course (404)', () => {
      spec([])
        .when(cmd('PauseSupport', { reason: 'other' }))
        .thenThrows('support-not-found', 'not-found');
    });

    it('refuses a pause before the start (422)', () => {
      spec([decided(), started()])
        .when(cmd('PauseSupport', { reason: 'prison', occurredAt: at('2026-01-10T00:00:00Z') }))
        .thenThrows('support-pause-before-start', 'rule-violation');
    });

    it('HOUSING FIRST: pausing never ends a course; it can be resumed and still ended later', () => {
      const state = fold(supportDecider, [decided(), started(), paused()]);
      expect(state.courses[supportId].status).toBe('paused');
      const resumed = supportDecider.decide(cmd('ResumeSupport', {}), state, SPEC_NOW);
      expect(resumed.map((e) => e.type)).toEqual(['SupportResumed']);
      const afterResume = fold(supportDecider, [decided(), started(), paused(), ...resumed]);
      expect(afterResume.courses[supportId].status).toBe('active');
      const end = supportDecider.decide(
        cmd('EndSupport', { endKind: 'unplanned', reason: 'no-wish', successorSupport: 'none' }),
        afterResume,
        SPEC_NOW,
      );
      expect(end.map((e) => e.type)).toEqual(['SupportEnded']);
      // and a paused course can also be ended directly
      expect(
        supportDecider
          .decide(
            cmd('EndSupport', { endKind: 'unplanned', reason: 'died', successorSupport: 'none' }),
            state,
            SPEC_NOW,
          )
          .map((e) => e.type),
      ).toEqual(['SupportEnded']);
    });
  });

  describe('ResumeSupport', () => {
    it('resumes a paused course, naming why and since when it was paused', () => {
      spec([decided(), started(), paused()])
        .when(cmd('ResumeSupport', { occurredAt: at('2026-02-13T09:00:00Z') }))
        .then([
          {
            type: 'SupportResumed',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-13T09:00:00.000Z',
              pausedReason: 'psychiatric-admission',
              pausedSince: '2026-02-01T08:00:00.000Z',
              institutionStayId: 'adm-1',
            },
          },
        ]);
    });

    it('refuses an active course (409)', () => {
      spec([decided(), started()])
        .when(cmd('ResumeSupport', {}))
        .thenThrows('support-not-paused', 'conflict');
    });

    it('refuses a course that has not started (409)', () => {
      spec([decided()]).when(cmd('ResumeSupport', {})).thenThrows('support-not-started', 'conflict');
    });

    it('refuses an ended course (409)', () => {
      spec([decided(), started(), paused(), ended()])
        .when(cmd('ResumeSupport', {}))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses a resume before the pause (422)', () => {
      spec([decided(), started(), paused()])
        .when(cmd('ResumeSupport', { occurredAt: at('2026-01-31T00:00:00Z') }))
        .thenThrows('support-resume-before-pause', 'rule-violation');
    });
  });

  describe('EndSupport', () => {
    it('ends a CTI course as planned with successor support', () => {
      spec([decided(), started()])
        .when(
          cmd('EndSupport', { endKind: 'planned', reason: 'goal-reached', successorSupport: 'section-85' }),
        )
        .then([
          {
            type: 'SupportEnded',
            data: {
              ...course('cti'),
              occurredAt: '2026-02-25T10:00:00.000Z',
              endKind: 'planned',
              reason: 'goal-reached',
              successorSupport: 'section-85',
            },
          },
        ]);
    });

    it('links an already decided successor course', () => {
      spec([decided(), started(), decided('section-85', otherSupportId)])
        .when(
          cmd('EndSupport', {
            endKind: 'planned',
            reason: 'goal-reached',
            successorSupport: 'section-85',
            successorSupportId: otherSupportId,
          }),
        )
        .then([
          expect.objectContaining({
            type: 'SupportEnded',
            data: expect.objectContaining({ successorSupportId: otherSupportId }),
          }),
        ] as SupportEvent[]);
    });

    it('ends an ACT or §85 course as planned without successor support', () => {
      spec([decided('act'), started('act')])
        .when(cmd('EndSupport', { endKind: 'planned', reason: 'goal-reached', successorSupport: 'none' }))
        .then([expect.objectContaining({ type: 'SupportEnded' })] as SupportEvent[]);
    });

    it('ends a course unplanned without successor support', () => {
      spec([decided(), started()])
        .when(cmd('EndSupport', { endKind: 'unplanned', reason: 'lost-contact', successorSupport: 'none' }))
        .then([expect.objectContaining({ type: 'SupportEnded' })] as SupportEvent[]);
    });

    it('ends a course that never started (the citizen declined)', () => {
      spec([decided()])
        .when(cmd('EndSupport', { endKind: 'unplanned', reason: 'no-wish', successorSupport: 'none' }))
        .then([expect.objectContaining({ type: 'SupportEnded' })] as SupportEvent[]);
    });

    it.each(['cti', 'icm'] as const)(
      'HOUSING FIRST: refuses to end %s as planned without successor support (422)',
      (method) => {
        const error = spec([decided(method), started(method)])
          .when(cmd('EndSupport', { endKind: 'planned', reason: 'goal-reached', successorSupport: 'none' }))
          .thenThrows('planned-end-requires-successor-support', 'rule-violation');
        expect(error.details).toEqual({ supportId, method });
      },
    );

    it('ends a course at most once (409)', () => {
      spec([decided(), started(), ended()])
        .when(cmd('EndSupport', { endKind: 'unplanned', reason: 'other', successorSupport: 'none' }))
        .thenThrows('support-already-ended', 'conflict');
    });

    it('refuses a reason that does not fit the kind of end (422)', () => {
      spec([decided(), started()])
        .when(cmd('EndSupport', { endKind: 'planned', reason: 'died', successorSupport: 'section-85' }))
        .thenThrows('support-end-reason-not-allowed', 'rule-violation');
      spec([decided(), started()])
        .when(cmd('EndSupport', { endKind: 'unplanned', reason: 'goal-reached', successorSupport: 'none' }))
        .thenThrows('support-end-reason-not-allowed', 'rule-violation');
    });

    it('refuses an unknown successor course (404)', () => {
      spec([decided(), started()])
        .when(
          cmd('EndSupport', {
            endKind: 'planned',
            reason: 'goal-reached',
            successorSupport: 'section-85',
            successorSupportId: otherSupportId,
          }),
        )
        .thenThrows('successor-support-not-found', 'not-found');
    });

    it('refuses a successor course of another method, the course itself, or an ended one (422)', () => {
      const end = (successorSupportId: string) =>
        cmd('EndSupport', {
          endKind: 'planned',
          reason: 'goal-reached',
          successorSupport: 'section-85',
          successorSupportId,
        });
      const icmSuccessor = [decided(), started(), decided('icm', otherSupportId)];
      expect(
        spec(icmSuccessor)
          .when(end(otherSupportId))
          .thenThrows('successor-support-mismatch', 'rule-violation').details,
      ).toMatchObject({ mismatch: 'method-differs' });
      expect(
        spec([decided(), started()]).when(end(supportId)).thenThrows('successor-support-mismatch').details,
      ).toMatchObject({ mismatch: 'same-course' });
      const endedSuccessor: SupportEvent = {
        type: 'SupportEnded',
        data: { ...(ended('section-85').data as object), supportId: otherSupportId } as never,
      };
      expect(
        spec([decided(), started(), decided('section-85', otherSupportId), endedSuccessor])
          .when(end(otherSupportId))
          .thenThrows('successor-support-mismatch').details,
      ).toMatchObject({ mismatch: 'successor-ended' });
    });

    it('refuses an end before the start (422)', () => {
      spec([decided(), started()])
        .when(
          cmd('EndSupport', {
            endKind: 'unplanned',
            reason: 'other',
            successorSupport: 'none',
            occurredAt: at('2026-01-11T00:00:00Z'),
          }),
        )
        .thenThrows('support-end-before-start', 'rule-violation');
    });
  });

  describe('state helpers for other processes', () => {
    const history = [
      decided('cti'),
      started('cti'),
      decided('section-85', otherSupportId),
      started('section-85', otherSupportId),
      paused('cti'),
    ];

    it('lists active courses (started, not paused, not ended)', () => {
      const state = fold(supportDecider, history);
      expect(activeSupportCourses(state).map((c) => c.supportId)).toEqual([otherSupportId]);
    });

    it('finds courses paused for a given admission, or by hand for the same reason', () => {
      const state = fold(supportDecider, history);
      expect(
        supportCoursesPausedFor(state, 'adm-1', 'psychiatric-admission').map((c) => c.supportId),
      ).toEqual([supportId]);
      expect(supportCoursesPausedFor(state, 'adm-2', 'hospital-admission')).toEqual([]);
      const byHand: SupportEvent = {
        type: 'SupportPaused',
        data: { ...course('cti'), occurredAt: '2026-02-01T08:00:00.000Z', reason: 'prison' },
      };
      const manual = fold(supportDecider, [decided(), started(), byHand]);
      expect(supportCoursesPausedFor(manual, 'stay-9', 'prison').map((c) => c.supportId)).toEqual([
        supportId,
      ]);
      expect(supportCoursesPausedFor(manual, 'adm-9', 'hospital-admission')).toEqual([]);
    });

    it('knows whether the citizen has chapter 16 support (decided and not ended)', () => {
      expect(hasChapter16Support(fold(supportDecider, []))).toBe(false);
      expect(hasChapter16Support(fold(supportDecider, [decided()]))).toBe(true);
      expect(hasChapter16Support(fold(supportDecider, [decided(), ended()]))).toBe(false);
    });
  });

  describe('timeline summaries', () => {
    const events: SupportEvent[] = [
      decided(),
      started(),
      {
        type: 'CtiPhaseAdvanced',
        data: {
          ...course('cti'),
          occurredAt: '2026-02-02T09:00:00.000Z',
          phase: 'phase-1',
          previousPhase: 'contact',
          plannedEndDate: '2026-11-02',
        },
      },
      {
        type: 'SupportIntensityAdjusted',
        data: {
          ...course('cti'),
          occurredAt: STARTED_AT,
          level: 'high',
          previousLevel: 'medium',
          plannedContactsPerWeek: 3,
        },
      },
      {
        type: 'ContactAttempted',
        data: { ...course('cti'), occurredAt: STARTED_AT, channel: 'home-visit', outcome: 'not-reached' },
      },
      contactLost(),
      { type: 'ContactRestored', data: { ...course('cti'), occurredAt: STARTED_AT, channel: 'phone' } },
      paused(),
      {
        type: 'SupportResumed',
        data: {
          ...course('cti'),
          occurredAt: '2026-02-13T09:00:00.000Z',
          pausedReason: 'psychiatric-admission',
          pausedSince: '2026-02-01T08:00:00.000Z',
        },
      },
      {
        type: 'SupportEnded',
        data: {
          ...course('cti'),
          occurredAt: STARTED_AT,
          endKind: 'planned',
          reason: 'goal-reached',
          successorSupport: 'section-85',
        },
      },
    ];

    it('states the useful facts in one line each', () => {
      expect(events.map((e) => supportProcess.summarize(e))).toEqual([
        'CTI support decided (serviceloven §85a), provider unit-cti-team-kobenhavn; decided before shelter discharge',
        'CTI support started: contact period',
        'CTI advanced from contact period to phase 1; 9-month CTI ends 2026-11-02',
        'CTI intensity adjusted from medium to high (3 contacts a week)',
        'CTI contact attempt by home visit: not reached',
        'CTI contact lost: no contact for 29 days (since 2026-01-12)',
        'CTI contact restored (phone)',
        'CTI support paused: psychiatric admission (not ended)',
        'CTI support resumed after psychiatric admission (paused 12 days)',
        'CTI support ended (planned, goal-reached); successor §85 bostøtte',
      ]);
    });

    it('declares category support for every event, and §85a for CTI phases', () => {
      for (const info of Object.values(supportProcess.events)) expect(info.category).toBe('support');
      expect(supportProcess.events.CtiPhaseAdvanced.legalBasis).toBe('serviceloven §85a');
    });
  });
});

describe('local dates', () => {
  it('uses the Copenhagen calendar', () => {
    expect(copenhagenDate('2026-03-31T22:30:00Z')).toBe('2026-04-01');
    expect(copenhagenDate('2026-01-31T22:59:00Z')).toBe('2026-01-31');
  });

  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-05-31', 9)).toBe('2027-02-28');
    expect(addMonths('2026-02-02', 9)).toBe('2026-11-02');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-03-02', '2026-03-30')).toBe(28);
    expect(daysBetween('2026-03-30', '2026-03-02')).toBe(-28);
  });
});
