import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  AssignJobcentreCaseworker,
  AttemptPersonalContact,
  ChangeReadinessCategory,
  employmentDecider,
  employmentProcess,
  employmentStreamId,
  ExemptionGranted,
  FlagSanctionRisk,
  GrantExemption,
  ImposeSanction,
  IssueSanctionWarning,
  JobcentreCaseworkerAssigned,
  MeetingMissed,
  PersonalContactAttempted,
  ReadinessCategoryChanged,
  RecordMissedMeeting,
  SanctionImposed,
  SanctionRiskFlagged,
  SanctionWarningIssued,
  SanctionWithdrawn,
  WithdrawSanction,
} from './employment';

const citizenId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const warningId = 'w0000000-0000-4000-8000-000000000001';

const assign = (overrides: Partial<AssignJobcentreCaseworker> = {}): AssignJobcentreCaseworker => ({
  type: 'AssignJobcentreCaseworker',
  citizenId,
  occurredAt: new Date('2026-02-02T09:00:00Z'),
  caseworkerId: 'jc-4711',
  unitId: 'jobcentre-koebenhavn-nord',
  ...overrides,
});
const assigned = (
  overrides: Partial<JobcentreCaseworkerAssigned['data']> = {},
): JobcentreCaseworkerAssigned => ({
  type: 'JobcentreCaseworkerAssigned',
  data: {
    citizenId,
    occurredAt: '2026-02-02T09:00:00.000Z',
    caseworkerId: 'jc-4711',
    unitId: 'jobcentre-koebenhavn-nord',
    ...overrides,
  },
});

const missMeeting = (overrides: Partial<RecordMissedMeeting> = {}): RecordMissedMeeting => ({
  type: 'RecordMissedMeeting',
  citizenId,
  occurredAt: new Date('2026-02-16T13:00:00Z'),
  meetingDate: '2026-02-16',
  meetingKind: 'job-interview',
  ...overrides,
});
const missed = (overrides: Partial<MeetingMissed['data']> = {}): MeetingMissed => ({
  type: 'MeetingMissed',
  data: {
    citizenId,
    occurredAt: '2026-02-16T13:00:00.000Z',
    meetingDate: '2026-02-16',
    meetingKind: 'job-interview',
    ...overrides,
  },
});

const flag = (overrides: Partial<FlagSanctionRisk> = {}): FlagSanctionRisk => ({
  type: 'FlagSanctionRisk',
  citizenId,
  occurredAt: new Date('2026-02-16T13:05:00Z'),
  reason: 'missed-meeting',
  ...overrides,
});
const flagged = (overrides: Partial<SanctionRiskFlagged['data']> = {}): SanctionRiskFlagged => ({
  type: 'SanctionRiskFlagged',
  data: { citizenId, occurredAt: '2026-02-16T13:05:00.000Z', reason: 'missed-meeting', ...overrides },
});

const warn = (overrides: Partial<IssueSanctionWarning> = {}): IssueSanctionWarning => ({
  type: 'IssueSanctionWarning',
  citizenId,
  occurredAt: new Date('2026-02-17T09:00:00Z'),
  warningId,
  ground: 'missed-meeting',
  hearingDeadline: '2026-02-27',
  ...overrides,
});
const warned = (overrides: Partial<SanctionWarningIssued['data']> = {}): SanctionWarningIssued => ({
  type: 'SanctionWarningIssued',
  data: {
    citizenId,
    occurredAt: '2026-02-17T09:00:00.000Z',
    warningId,
    ground: 'missed-meeting',
    readiness: 'activity-ready',
    hearingDeadline: '2026-02-27',
    extendedHearing: true,
    ...overrides,
  },
});

const attempt = (overrides: Partial<AttemptPersonalContact> = {}): AttemptPersonalContact => ({
  type: 'AttemptPersonalContact',
  citizenId,
  occurredAt: new Date('2026-02-18T10:00:00Z'),
  warningId,
  channel: 'via-support-worker',
  outcome: 'reached',
  ...overrides,
});
const attempted = (overrides: Partial<PersonalContactAttempted['data']> = {}): PersonalContactAttempted => ({
  type: 'PersonalContactAttempted',
  data: {
    citizenId,
    occurredAt: '2026-02-18T10:00:00.000Z',
    warningId,
    channel: 'via-support-worker',
    outcome: 'reached',
    attemptNumber: 1,
    ...overrides,
  },
});

const impose = (overrides: Partial<ImposeSanction> = {}): ImposeSanction => ({
  type: 'ImposeSanction',
  citizenId,
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  warningId,
  amountKr: 1038.5,
  ...overrides,
});
const imposed = (overrides: Partial<SanctionImposed['data']> = {}): SanctionImposed => ({
  type: 'SanctionImposed',
  data: {
    citizenId,
    occurredAt: '2026-03-01T10:00:00.000Z',
    warningId,
    amountKr: 1038.5,
    readiness: 'activity-ready',
    contactAttempts: 1,
    ...overrides,
  },
});

const withdraw = (overrides: Partial<WithdrawSanction> = {}): WithdrawSanction => ({
  type: 'WithdrawSanction',
  citizenId,
  occurredAt: new Date('2026-03-02T09:00:00Z'),
  warningId,
  reason: 'reasonable-cause',
  ...overrides,
});
const withdrawn = (overrides: Partial<SanctionWithdrawn['data']> = {}): SanctionWithdrawn => ({
  type: 'SanctionWithdrawn',
  data: {
    citizenId,
    occurredAt: '2026-03-02T09:00:00.000Z',
    warningId,
    reason: 'reasonable-cause',
    wasImposed: false,
    ...overrides,
  },
});

const exempt = (overrides: Partial<GrantExemption> = {}): GrantExemption => ({
  type: 'GrantExemption',
  citizenId,
  occurredAt: new Date('2026-02-10T09:00:00Z'),
  until: '2026-05-31',
  reason: 'housing-situation',
  ...overrides,
});
const exempted = (overrides: Partial<ExemptionGranted['data']> = {}): ExemptionGranted => ({
  type: 'ExemptionGranted',
  data: {
    citizenId,
    occurredAt: '2026-02-10T09:00:00.000Z',
    until: '2026-05-31',
    reason: 'housing-situation',
    ...overrides,
  },
});

const categorise = (overrides: Partial<ChangeReadinessCategory> = {}): ChangeReadinessCategory => ({
  type: 'ChangeReadinessCategory',
  citizenId,
  occurredAt: new Date('2026-02-01T09:00:00Z'),
  category: 'activity-ready',
  ...overrides,
});
const categorised = (
  overrides: Partial<ReadinessCategoryChanged['data']> = {},
): ReadinessCategoryChanged => ({
  type: 'ReadinessCategoryChanged',
  data: {
    citizenId,
    occurredAt: '2026-02-01T09:00:00.000Z',
    category: 'activity-ready',
    previous: null,
    ...overrides,
  },
});

const activityReady = categorised();
const jobReady = categorised({ category: 'job-ready' });

const spec = specFor(employmentDecider);
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);

describe('Employment', () => {
  it('has one stream per citizen', () => {
    expect(employmentStreamId(citizenId)).toBe(`employment-${citizenId}`);
    expect(employmentProcess.streamId(citizenId)).toBe(`employment-${citizenId}`);
    expect(employmentProcess.name).toBe('employment');
  });

  it('declares every event in the employment category, with a legal basis only where it is certain', () => {
    for (const info of Object.values(employmentProcess.events)) expect(info.category).toBe('employment');
    expect(employmentProcess.events.SanctionWarningIssued.legalBasis).toBe('forvaltningsloven §19');
    expect(employmentProcess.events.SanctionImposed.legalBasis).toBe('aktivloven §§36-40 a');
    expect(employmentProcess.events.PersonalContactAttempted.legalBasis).toBeUndefined();
  });

  describe('AssignJobcentreCaseworker', () => {
    it('given none, when assigned, then JobcentreCaseworkerAssigned with the opaque reference', () => {
      spec([]).when(assign()).then([assigned()]);
    });

    it('given a caseworker, when another is assigned, then recorded', () => {
      spec([assigned()])
        .when(assign({ caseworkerId: 'jc-0815' }))
        .then([assigned({ caseworkerId: 'jc-0815' })]);
    });

    it('given a caseworker, when the same one is assigned again, then conflict', () => {
      spec([assigned()]).when(assign()).thenThrows('caseworker-already-assigned', 'conflict');
    });

    it('when occurredAt is more than 5 minutes ahead, then rule violation', () => {
      spec([])
        .when(assign({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordMissedMeeting', () => {
    it('when a meeting was missed today, then MeetingMissed', () => {
      spec([]).when(missMeeting()).then([missed()]);
    });

    it('when a missed meeting is reported late, then recorded with its own date', () => {
      spec([])
        .when(missMeeting({ meetingDate: '2026-02-09', meetingKind: 'activity-offer' }))
        .then([missed({ meetingDate: '2026-02-09', meetingKind: 'activity-offer' })]);
    });

    it('when the meeting lies after the (Danish) day of the report, then rule violation', () => {
      spec([])
        .when(missMeeting({ meetingDate: '2026-02-17' }))
        .thenThrows('meeting-date-after-report', 'rule-violation');
    });

    it('when the meeting date is not a date, then rule violation', () => {
      spec([])
        .when(missMeeting({ meetingDate: '16/02/2026' }))
        .thenThrows('invalid-date', 'rule-violation');
    });
  });

  describe('FlagSanctionRisk', () => {
    it('when a risk is flagged, then SanctionRiskFlagged', () => {
      spec([missed()]).when(flag()).then([flagged()]);
    });

    it('when occurredAt is more than 5 minutes ahead, then rule violation', () => {
      spec([])
        .when(flag({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('IssueSanctionWarning', () => {
    it('given an activity-ready citizen, when warned, then the warning carries the extended hearing', () => {
      spec([activityReady]).when(warn()).then([warned()]);
    });

    it('given a job-ready citizen, when warned, then no extended hearing', () => {
      spec([jobReady])
        .when(warn())
        .then([warned({ readiness: 'job-ready', extendedHearing: false })]);
    });

    it('given no recorded category, when warned naming one, then that category is used', () => {
      spec([])
        .when(warn({ readiness: 'activity-ready' }))
        .then([warned()]);
    });

    it('given no recorded category, when warned without one, then rule violation', () => {
      spec([]).when(warn()).thenThrows('readiness-category-unknown', 'rule-violation');
    });

    it('given an activity-ready citizen, when warned as job-ready, then rule violation', () => {
      const error = spec([activityReady])
        .when(warn({ readiness: 'job-ready' }))
        .thenThrows('readiness-category-mismatch', 'rule-violation');
      expect(error.details).toEqual({ recorded: 'activity-ready', given: 'job-ready' });
    });

    it('given a warning, when another is issued with its id, then conflict', () => {
      spec([activityReady, warned()]).when(warn()).thenThrows('sanction-warning-id-reused', 'conflict');
    });

    it('when the hearing deadline lies before the day of the warning, then rule violation', () => {
      spec([activityReady])
        .when(warn({ hearingDeadline: '2026-02-16' }))
        .thenThrows('hearing-deadline-before-warning', 'rule-violation');
    });

    it('when the hearing deadline is not a date, then rule violation', () => {
      spec([activityReady])
        .when(warn({ hearingDeadline: '2026-13-01' }))
        .thenThrows('invalid-date', 'rule-violation');
    });

    it('given an exemption covering the day, when warned, then rule violation', () => {
      const error = spec([activityReady, exempted()])
        .when(warn())
        .thenThrows('citizen-exempt', 'rule-violation');
      expect(error.details).toEqual({ exemptUntil: '2026-05-31' });
    });

    it('given an exemption that has ended, when warned, then recorded', () => {
      spec([activityReady, exempted({ until: '2026-02-16' })])
        .when(warn())
        .then([warned()]);
    });
  });

  describe('AttemptPersonalContact', () => {
    it('given an open warning, when contact is attempted, then PersonalContactAttempted numbered 1', () => {
      spec([activityReady, warned()]).when(attempt()).then([attempted()]);
    });

    it('given one attempt, when another is made, then it is numbered 2', () => {
      spec([activityReady, warned(), attempted({ outcome: 'not-reached', channel: 'phone' })])
        .when(
          attempt({
            occurredAt: new Date('2026-02-19T10:00:00Z'),
            channel: 'home-visit',
            outcome: 'not-reached',
          }),
        )
        .then([
          attempted({
            occurredAt: '2026-02-19T10:00:00.000Z',
            channel: 'home-visit',
            outcome: 'not-reached',
            attemptNumber: 2,
          }),
        ]);
    });

    it('given no such warning, when contact is attempted, then not found', () => {
      spec([activityReady]).when(attempt()).thenThrows('sanction-warning-not-found', 'not-found');
    });

    it('given a withdrawn warning, when contact is attempted, then conflict naming the status', () => {
      const error = spec([activityReady, warned(), withdrawn({ occurredAt: '2026-02-17T12:00:00.000Z' })])
        .when(attempt())
        .thenThrows('sanction-warning-not-open', 'conflict');
      // not `status`: details are spread into the problem+json body, whose `status` is the HTTP status
      expect(error.details).toEqual({ warningId, warningStatus: 'withdrawn' });
    });

    it('given an imposed sanction, when contact is attempted, then conflict', () => {
      spec([jobReady, warned({ readiness: 'job-ready', extendedHearing: false }), imposed()])
        .when(attempt({ occurredAt: new Date('2026-03-01T12:00:00Z') }))
        .thenThrows('sanction-warning-not-open', 'conflict');
    });

    it('when the attempt precedes the warning, then rule violation', () => {
      spec([activityReady, warned()])
        .when(attempt({ occurredAt: new Date('2026-02-16T10:00:00Z') }))
        .thenThrows('before-sanction-warning', 'rule-violation');
    });
  });

  describe('ImposeSanction', () => {
    it('given an activity-ready citizen and a documented contact attempt, when imposed, then SanctionImposed', () => {
      spec([activityReady, warned(), attempted({ outcome: 'not-reached' })])
        .when(impose())
        .then([imposed()]);
    });

    it('given a job-ready citizen without contact attempts, when imposed, then SanctionImposed', () => {
      spec([jobReady, warned({ readiness: 'job-ready', extendedHearing: false })])
        .when(impose())
        .then([imposed({ readiness: 'job-ready', contactAttempts: 0 })]);
    });

    it('given an activity-ready citizen without a contact attempt, when imposed, then rule violation naming the rule', () => {
      const error = spec([activityReady, warned()])
        .when(impose())
        .thenThrows('extended-hearing-contact-attempt-required', 'rule-violation');
      expect(error.details).toEqual({ warningId, readiness: 'activity-ready', contactAttempts: 0 });
    });

    it('given a job-ready warning and a citizen since re-categorised activity-ready, when imposed without an attempt, then rule violation', () => {
      spec([
        jobReady,
        warned({ readiness: 'job-ready', extendedHearing: false }),
        categorised({ occurredAt: '2026-02-20T09:00:00.000Z', previous: 'job-ready' }),
      ])
        .when(impose())
        .thenThrows('extended-hearing-contact-attempt-required', 'rule-violation');
    });

    it('given no such warning, when imposed, then not found', () => {
      spec([activityReady]).when(impose()).thenThrows('sanction-warning-not-found', 'not-found');
    });

    it('given a withdrawn warning, when imposed, then conflict', () => {
      spec([activityReady, warned(), attempted(), withdrawn({ occurredAt: '2026-02-20T09:00:00.000Z' })])
        .when(impose())
        .thenThrows('sanction-warning-withdrawn', 'conflict');
    });

    it('given an imposed sanction, when imposed again, then conflict', () => {
      spec([activityReady, warned(), attempted(), imposed()])
        .when(impose())
        .thenThrows('sanction-already-imposed', 'conflict');
    });

    it('when imposed before the warning, then rule violation', () => {
      spec([activityReady, warned(), attempted()])
        .when(impose({ occurredAt: new Date('2026-02-17T08:00:00Z') }))
        .thenThrows('before-sanction-warning', 'rule-violation');
    });

    it.each([0, -50, 10.001])('when the amount is %p kr, then rule violation', (amountKr) => {
      spec([activityReady, warned(), attempted()])
        .when(impose({ amountKr }))
        .thenThrows('invalid-amount', 'rule-violation');
    });
  });

  describe('WithdrawSanction', () => {
    it('given an open warning, when withdrawn, then SanctionWithdrawn', () => {
      spec([activityReady, warned()]).when(withdraw()).then([withdrawn()]);
    });

    it('given an imposed sanction, when withdrawn, then the withdrawal reverses it', () => {
      spec([activityReady, warned(), attempted(), imposed()])
        .when(withdraw({ reason: 'complaint-upheld' }))
        .then([withdrawn({ reason: 'complaint-upheld', wasImposed: true })]);
    });

    it('given a withdrawn warning, when withdrawn again, then conflict', () => {
      spec([activityReady, warned(), withdrawn()])
        .when(withdraw())
        .thenThrows('sanction-already-withdrawn', 'conflict');
    });

    it('given no such warning, when withdrawn, then not found', () => {
      spec([]).when(withdraw()).thenThrows('sanction-warning-not-found', 'not-found');
    });

    it('when withdrawn before the warning, then rule violation', () => {
      spec([activityReady, warned()])
        .when(withdraw({ occurredAt: new Date('2026-02-16T09:00:00Z') }))
        .thenThrows('before-sanction-warning', 'rule-violation');
    });
  });

  describe('GrantExemption', () => {
    it('when granted, then ExemptionGranted', () => {
      spec([]).when(exempt()).then([exempted()]);
    });

    it('when the exemption ends the day it is granted, then recorded', () => {
      spec([])
        .when(exempt({ until: '2026-02-10' }))
        .then([exempted({ until: '2026-02-10' })]);
    });

    it('when the exemption ends before the day it is granted, then rule violation', () => {
      spec([])
        .when(exempt({ until: '2026-02-09' }))
        .thenThrows('exemption-ends-before-grant', 'rule-violation');
    });

    it('when until is not a date, then rule violation', () => {
      spec([])
        .when(exempt({ until: 'summer' }))
        .thenThrows('invalid-date', 'rule-violation');
    });
  });

  describe('ChangeReadinessCategory', () => {
    it('given none, when set, then ReadinessCategoryChanged without a previous category', () => {
      spec([]).when(categorise()).then([categorised()]);
    });

    it('given job-ready, when changed to activity-ready, then the previous category is recorded', () => {
      spec([jobReady])
        .when(categorise({ occurredAt: new Date('2026-02-20T09:00:00Z') }))
        .then([categorised({ occurredAt: '2026-02-20T09:00:00.000Z', previous: 'job-ready' })]);
    });

    it('given activity-ready, when set to activity-ready again, then conflict', () => {
      spec([activityReady]).when(categorise()).thenThrows('readiness-category-unchanged', 'conflict');
    });
  });

  describe('summaries', () => {
    const s = (e: Parameters<typeof employmentProcess.summarize>[0]) => employmentProcess.summarize(e);

    it('summarise each event with its useful facts', () => {
      expect(s(assigned())).toBe(
        'Jobcentre caseworker assigned: staff jc-4711, unit jobcentre-koebenhavn-nord',
      );
      expect(s(missed())).toBe('Missed jobcentre job interview on 2026-02-16');
      expect(s(flagged())).toBe('Sanction risk flagged: missed meeting');
      expect(s(warned())).toBe(
        'Sanction warning issued (partshøring) for missed meeting; activity-ready; hearing deadline 2026-02-27; extended hearing: personal contact attempt required',
      );
      expect(s(warned({ readiness: 'job-ready', extendedHearing: false }))).toBe(
        'Sanction warning issued (partshøring) for missed meeting; job-ready; hearing deadline 2026-02-27',
      );
      expect(s(attempted({ outcome: 'not-reached', attemptNumber: 2 }))).toBe(
        'Personal contact attempt 2 via the support worker: not reached',
      );
      expect(s(imposed())).toBe('Sanction imposed: 1,038.50 kr (activity-ready; 1 contact attempt)');
      expect(s(imposed({ contactAttempts: 3, amountKr: 2000 }))).toBe(
        'Sanction imposed: 2,000 kr (activity-ready; 3 contact attempts)',
      );
      expect(s(withdrawn())).toBe('Sanction warning withdrawn: reasonable cause');
      expect(s(withdrawn({ wasImposed: true, reason: 'complaint-upheld' }))).toBe(
        'Sanction withdrawn: complaint upheld',
      );
      expect(s(exempted())).toBe('Exempt from availability requirements until 2026-05-31');
      expect(s(activityReady)).toBe('Readiness category set: activity-ready');
      expect(s(categorised({ previous: 'job-ready' }))).toBe(
        'Readiness category changed from job-ready to activity-ready',
      );
    });
  });
});
