import { decodeEvent } from '../catalog';
import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  AftercareStarted,
  DecideMunicipalDischarge,
  EndAftercare,
  HandlekommuneNotified,
  MunicipalDischargeDecided,
  RecordHandlekommuneNotified,
  RecordShelterAdmission,
  RecordShelterDischarge,
  RecordStayPlan,
  SECTION_110_DISCHARGE_CONDITIONS,
  SHELTER_DISCHARGE_DESTINATIONS,
  ShelterAdmissionRecorded,
  ShelterDischargeRecorded,
  ShelterStayEvent,
  shelterStayDecider,
  shelterStayProcess,
  shelterStaysStreamId,
  StartAftercare,
  StayPlanMade,
  upcastShelterAdmissionV1,
} from './shelter-stay';

const citizenId = '8b2d4f60-1a3c-4e5f-9b7d-0c1e2f3a4b5c';
const roskilde = { shelterId: 'unit-forsorgshjemmet-roskilde', shelterName: 'Forsorgshjemmet Roskilde' };
const sctNicolai = { shelterId: 'unit-kollegiet-sct-nicolai', shelterName: 'Kollegiet Sct. Nicolai' };

const admit = (overrides: Partial<RecordShelterAdmission> = {}): RecordShelterAdmission => ({
  type: 'RecordShelterAdmission',
  citizenId,
  stayId: 'stay-1',
  occurredAt: new Date('2026-01-10T21:30:00Z'),
  ...roskilde,
  municipalityOfStay: '265',
  handlekommune: '101',
  referral: 'self-referred',
  homeSituation: 'no-home',
  ...overrides,
});

const discharge = (overrides: Partial<RecordShelterDischarge> = {}): RecordShelterDischarge => ({
  type: 'RecordShelterDischarge',
  citizenId,
  stayId: 'stay-1',
  occurredAt: new Date('2026-02-20T10:00:00Z'),
  destination: 'own-home',
  planned: true,
  ...overrides,
});

const admitted = (overrides: Partial<ShelterAdmissionRecorded['data']> = {}): ShelterAdmissionRecorded => ({
  type: 'ShelterAdmissionRecorded',
  data: {
    citizenId,
    stayId: 'stay-1',
    occurredAt: '2026-01-10T21:30:00.000Z',
    ...roskilde,
    municipalityOfStay: '265',
    handlekommune: '101',
    referral: 'self-referred',
    homeSituation: 'no-home',
    ...overrides,
  },
});

const discharged = (overrides: Partial<ShelterDischargeRecorded['data']> = {}): ShelterDischargeRecorded => ({
  type: 'ShelterDischargeRecorded',
  data: {
    citizenId,
    stayId: 'stay-1',
    occurredAt: '2026-02-20T10:00:00.000Z',
    destination: 'own-home',
    planned: true,
    ...overrides,
  },
});

const notified = (overrides: Partial<HandlekommuneNotified['data']> = {}): HandlekommuneNotified => ({
  type: 'HandlekommuneNotified',
  data: {
    citizenId,
    stayId: 'stay-1',
    occurredAt: '2026-01-12T09:00:00.000Z',
    handlekommune: '101',
    channel: 'secure-email',
    ...overrides,
  },
});

const planMade: StayPlanMade = {
  type: 'StayPlanMade',
  data: { citizenId, stayId: 'stay-1', occurredAt: '2026-01-20T13:00:00.000Z' },
};

const dischargeDecided: MunicipalDischargeDecided = {
  type: 'MunicipalDischargeDecided',
  data: {
    citizenId,
    stayId: 'stay-1',
    occurredAt: '2026-02-16T10:00:00.000Z',
    handlekommune: '101',
    conditions: {
      actionPlan: true,
      homeOrPlace: true,
      supportDecided: true,
      leaseSigned: true,
      moveInPossible: true,
    },
  },
};

const aftercareStarted: AftercareStarted = {
  type: 'AftercareStarted',
  data: { citizenId, stayId: 'stay-1', occurredAt: '2026-02-20T10:00:00.000Z' },
};

const freshStay = {
  shelterId: roskilde.shelterId,
  handlekommune: '101',
  admittedAt: '2026-01-10T21:30:00.000Z',
  dischargedAt: null,
  handlekommuneNotifiedAt: null,
  stayPlanMadeAt: null,
  municipalDischargeDecidedAt: null,
  aftercare: null,
};

const spec = specFor(shelterStayDecider);
const justOverFiveMinutesAhead = new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1);

describe('Shelter stays (§110)', () => {
  it('stream id holds all stays of one citizen', () => {
    expect(shelterStaysStreamId(citizenId)).toBe(`shelter-stays-${citizenId}`);
  });

  it('exports every discharge destination', () => {
    expect(SHELTER_DISCHARGE_DESTINATIONS).toEqual([
      'own-home',
      'transitional-housing',
      'other-shelter',
      'family-or-friends',
      'hospital',
      'prison',
      'street',
      'unknown',
    ]);
  });

  describe('RecordShelterAdmission', () => {
    it('given no stays, when admitted, then ShelterAdmissionRecorded', () => {
      spec([]).when(admit()).then([admitted()]);
    });

    it('given no stays, when admitted by referral with a home the citizen cannot use, then the flags are recorded', () => {
      spec([])
        .when(
          admit({
            referral: 'referred',
            homeSituation: 'home-cannot-be-used',
            municipalityOfStay: '751',
            handlekommune: '751',
          }),
        )
        .then([
          admitted({
            referral: 'referred',
            homeSituation: 'home-cannot-be-used',
            municipalityOfStay: '751',
            handlekommune: '751',
          }),
        ]);
    });

    it('given a discharged stay, when admitted to another shelter later, then ShelterAdmissionRecorded', () => {
      spec([admitted(), discharged({ destination: 'other-shelter', planned: false })])
        .when(
          admit({
            stayId: 'stay-2',
            ...sctNicolai,
            municipalityOfStay: '101',
            occurredAt: new Date('2026-02-21T18:00:00Z'),
          }),
        )
        .then([
          admitted({
            stayId: 'stay-2',
            ...sctNicolai,
            municipalityOfStay: '101',
            occurredAt: '2026-02-21T18:00:00.000Z',
          }),
        ]);
    });

    it('given a discharged stay, when admitted at the same instant as the discharge (transfer), then accepted', () => {
      spec([admitted(), discharged({ destination: 'other-shelter' })])
        .when(admit({ stayId: 'stay-2', ...sctNicolai, occurredAt: new Date('2026-02-20T10:00:00Z') }))
        .then([admitted({ stayId: 'stay-2', ...sctNicolai, occurredAt: '2026-02-20T10:00:00.000Z' })]);
    });

    it('given an open stay, when admitted again, then conflict naming the open stay', () => {
      const error = spec([admitted()])
        .when(admit({ stayId: 'stay-2', ...sctNicolai }))
        .thenThrows('shelter-stay-already-open', 'conflict');
      expect(error.details).toEqual({ openStayId: 'stay-1' });
    });

    it('given a discharged stay, when admitted with the same stayId, then conflict', () => {
      spec([admitted(), discharged()])
        .when(admit({ occurredAt: new Date('2026-02-25T12:00:00Z') }))
        .thenThrows('shelter-stay-id-reused', 'conflict');
    });

    it('given an open stay, when admitted with the same stayId, then the reuse is reported', () => {
      spec([admitted()]).when(admit()).thenThrows('shelter-stay-id-reused', 'conflict');
    });

    it('given a discharged stay, when admitted before that discharge, then rule violation', () => {
      spec([admitted(), discharged()])
        .when(admit({ stayId: 'stay-2', occurredAt: new Date('2026-02-20T09:59:59Z') }))
        .thenThrows('admission-before-previous-discharge', 'rule-violation');
    });

    it('when the municipality of stay is unknown, then rule violation', () => {
      const error = spec([])
        .when(admit({ municipalityOfStay: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toMatchObject({ field: 'municipalityOfStay' });
    });

    it('when the handlekommune is unknown, then rule violation', () => {
      const error = spec([])
        .when(admit({ handlekommune: '000' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toMatchObject({ field: 'handlekommune' });
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(admit({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordShelterDischarge', () => {
    it('given an open stay, when discharged, then ShelterDischargeRecorded', () => {
      spec([admitted()]).when(discharge()).then([discharged()]);
    });

    it('given an open stay, when discharged unplanned to the street, then recorded as such', () => {
      spec([admitted()])
        .when(discharge({ destination: 'street', planned: false }))
        .then([discharged({ destination: 'street', planned: false })]);
    });

    it('given an open stay, when discharged at the admission instant, then accepted', () => {
      spec([admitted()])
        .when(
          discharge({
            occurredAt: new Date('2026-01-10T21:30:00Z'),
            destination: 'hospital',
            planned: false,
          }),
        )
        .then([
          discharged({ occurredAt: '2026-01-10T21:30:00.000Z', destination: 'hospital', planned: false }),
        ]);
    });

    it('given no stays, when discharged, then not found', () => {
      spec([]).when(discharge()).thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given an open stay, when a different stayId is discharged, then not found', () => {
      spec([admitted()])
        .when(discharge({ stayId: 'stay-9' }))
        .thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given a discharged stay, when discharged again, then conflict', () => {
      spec([admitted(), discharged()])
        .when(discharge())
        .thenThrows('shelter-stay-already-discharged', 'conflict');
    });

    it('given an earlier stay discharged and a new one open, when the earlier one is discharged again, then conflict', () => {
      spec([admitted(), discharged(), admitted({ stayId: 'stay-2', occurredAt: '2026-02-22T20:00:00.000Z' })])
        .when(discharge())
        .thenThrows('shelter-stay-already-discharged', 'conflict');
    });

    it('given an open stay, when discharged before admission, then rule violation', () => {
      spec([admitted()])
        .when(discharge({ occurredAt: new Date('2026-01-10T21:29:59Z') }))
        .thenThrows('discharge-before-admission', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([admitted()])
        .when(discharge({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordHandlekommuneNotified (§110 stk. 6)', () => {
    const notify = (overrides: Partial<RecordHandlekommuneNotified> = {}): RecordHandlekommuneNotified => ({
      type: 'RecordHandlekommuneNotified',
      citizenId,
      stayId: 'stay-1',
      occurredAt: new Date('2026-01-12T09:00:00Z'),
      channel: 'secure-email',
      ...overrides,
    });

    it('given an open stay, when the handlekommune is notified, then HandlekommuneNotified naming it', () => {
      spec([admitted()]).when(notify()).then([notified()]);
    });

    it('given an open stay, when notified late, then the late notice is still recorded', () => {
      spec([admitted()])
        .when(notify({ occurredAt: new Date('2026-02-02T09:00:00Z'), channel: 'phone' }))
        .then([notified({ occurredAt: '2026-02-02T09:00:00.000Z', channel: 'phone' })]);
    });

    it('given no such stay, when notified, then not found', () => {
      spec([admitted()])
        .when(notify({ stayId: 'stay-9' }))
        .thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given a discharged stay, when notified, then conflict', () => {
      spec([admitted(), discharged()])
        .when(notify({ occurredAt: new Date('2026-02-21T09:00:00Z') }))
        .thenThrows('shelter-stay-already-discharged', 'conflict');
    });

    it('given a notified stay, when notified again, then conflict', () => {
      const error = spec([admitted(), notified()])
        .when(notify({ channel: 'letter' }))
        .thenThrows('handlekommune-already-notified', 'conflict');
      expect(error.details).toEqual({ stayId: 'stay-1', notifiedAt: '2026-01-12T09:00:00.000Z' });
    });

    it('given an open stay, when notified before the admission, then rule violation', () => {
      spec([admitted()])
        .when(notify({ occurredAt: new Date('2026-01-10T21:29:00Z') }))
        .thenThrows('before-admission', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([admitted()])
        .when(notify({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('RecordStayPlan', () => {
    const plan = (overrides: Partial<RecordStayPlan> = {}): RecordStayPlan => ({
      type: 'RecordStayPlan',
      citizenId,
      stayId: 'stay-1',
      occurredAt: new Date('2026-01-20T13:00:00Z'),
      ...overrides,
    });

    it('given an open stay, when a stay plan is made, then StayPlanMade', () => {
      spec([admitted()]).when(plan()).then([planMade]);
    });

    it('given no such stay, when a plan is made, then not found', () => {
      spec([]).when(plan()).thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given a discharged stay, when a plan is made, then conflict', () => {
      spec([admitted(), discharged()])
        .when(plan({ occurredAt: new Date('2026-02-21T09:00:00Z') }))
        .thenThrows('shelter-stay-already-discharged', 'conflict');
    });

    it('given a plan made, when made again, then conflict', () => {
      spec([admitted(), planMade]).when(plan()).thenThrows('stay-plan-already-made', 'conflict');
    });

    it('given an open stay, when the plan is dated before the admission, then rule violation', () => {
      spec([admitted()])
        .when(plan({ occurredAt: new Date('2026-01-09T13:00:00Z') }))
        .thenThrows('before-admission', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([admitted()])
        .when(plan({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('DecideMunicipalDischarge (§110 stk. 5)', () => {
    const allMet = {
      actionPlan: true,
      homeOrPlace: true,
      supportDecided: true,
      leaseSigned: true,
      moveInPossible: true,
    };
    const decideDischarge = (
      overrides: Partial<DecideMunicipalDischarge> = {},
    ): DecideMunicipalDischarge => ({
      type: 'DecideMunicipalDischarge',
      citizenId,
      stayId: 'stay-1',
      occurredAt: new Date('2026-02-16T10:00:00Z'),
      conditions: allMet,
      ...overrides,
    });

    it('given an open stay and all five conditions, when decided, then MunicipalDischargeDecided by the handlekommune', () => {
      spec([admitted(), notified(), planMade]).when(decideDischarge()).then([dischargeDecided]);
    });

    it('given a decided discharge, when the discharge happens, then ShelterDischargeRecorded', () => {
      spec([admitted(), dischargeDecided]).when(discharge()).then([discharged()]);
    });

    it.each(SECTION_110_DISCHARGE_CONDITIONS)(
      'when only %s is missing, then it is the one listed',
      (condition) => {
        const error = spec([admitted()])
          .when(decideDischarge({ conditions: { ...allMet, [condition]: false } }))
          .thenThrows('section-110-discharge-conditions-not-met', 'rule-violation');
        expect(error.details).toEqual({ stayId: 'stay-1', missing: [condition] });
      },
    );

    it('when several conditions are missing, then all are listed in statute order', () => {
      const error = spec([admitted()])
        .when(
          decideDischarge({
            conditions: {
              actionPlan: true,
              homeOrPlace: false,
              supportDecided: true,
              leaseSigned: false,
              moveInPossible: false,
            },
          }),
        )
        .thenThrows('section-110-discharge-conditions-not-met', 'rule-violation');
      expect(error.details?.missing).toEqual(['homeOrPlace', 'leaseSigned', 'moveInPossible']);
    });

    it('when no condition holds, then all five are listed', () => {
      const error = spec([admitted()])
        .when(
          decideDischarge({
            conditions: {
              actionPlan: false,
              homeOrPlace: false,
              supportDecided: false,
              leaseSigned: false,
              moveInPossible: false,
            },
          }),
        )
        .thenThrows('section-110-discharge-conditions-not-met');
      expect(error.details?.missing).toEqual([...SECTION_110_DISCHARGE_CONDITIONS]);
    });

    it('given no such stay, when decided, then not found', () => {
      spec([]).when(decideDischarge()).thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given a discharged stay, when decided, then conflict', () => {
      spec([admitted(), discharged()])
        .when(decideDischarge({ occurredAt: new Date('2026-02-21T10:00:00Z') }))
        .thenThrows('shelter-stay-already-discharged', 'conflict');
    });

    it('given a decided discharge, when decided again, then conflict', () => {
      spec([admitted(), dischargeDecided])
        .when(decideDischarge())
        .thenThrows('municipal-discharge-already-decided', 'conflict');
    });

    it('given an open stay, when decided before the admission, then rule violation', () => {
      spec([admitted()])
        .when(decideDischarge({ occurredAt: new Date('2026-01-01T10:00:00Z') }))
        .thenThrows('before-admission', 'rule-violation');
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([admitted()])
        .when(decideDischarge({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('StartAftercare / EndAftercare (efterforsorg)', () => {
    const start = (overrides: Partial<StartAftercare> = {}): StartAftercare => ({
      type: 'StartAftercare',
      citizenId,
      stayId: 'stay-1',
      occurredAt: new Date('2026-02-20T10:00:00Z'),
      ...overrides,
    });
    const end = (overrides: Partial<EndAftercare> = {}): EndAftercare => ({
      type: 'EndAftercare',
      citizenId,
      stayId: 'stay-1',
      occurredAt: new Date('2026-03-01T12:00:00Z'),
      reason: 'completed',
      ...overrides,
    });
    const longAgo = { occurredAt: '2024-01-10T21:30:00.000Z' };
    const dischargedLongAgo = discharged({ occurredAt: '2025-01-15T10:00:00.000Z' });

    it('given a discharged stay, when aftercare starts at the discharge, then AftercareStarted', () => {
      spec([admitted(), discharged()]).when(start()).then([aftercareStarted]);
    });

    it('given a stay discharged exactly a year ago, when aftercare starts, then accepted', () => {
      spec([admitted(longAgo), discharged({ occurredAt: '2025-03-02T10:00:00.000Z' })])
        .when(start({ occurredAt: new Date('2026-03-02T10:00:00Z') }))
        .then([
          { ...aftercareStarted, data: { ...aftercareStarted.data, occurredAt: '2026-03-02T10:00:00.000Z' } },
        ]);
    });

    it('given an open stay, when aftercare starts, then conflict', () => {
      spec([admitted()]).when(start()).thenThrows('shelter-stay-not-discharged', 'conflict');
    });

    it('given no such stay, when aftercare starts, then not found', () => {
      spec([]).when(start()).thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given aftercare started, when started again, then conflict', () => {
      spec([admitted(), discharged(), aftercareStarted])
        .when(start())
        .thenThrows('aftercare-already-started', 'conflict');
    });

    it('given a discharged stay, when aftercare starts before the discharge, then rule violation', () => {
      spec([admitted(), discharged()])
        .when(start({ occurredAt: new Date('2026-02-20T09:59:59Z') }))
        .thenThrows('aftercare-before-discharge', 'rule-violation');
    });

    it('given a stay discharged over a year ago, when aftercare starts, then rule violation', () => {
      const error = spec([admitted(longAgo), dischargedLongAgo])
        .when(start({ occurredAt: new Date('2026-01-15T10:00:01Z') }))
        .thenThrows('aftercare-beyond-one-year', 'rule-violation');
      expect(error.details).toMatchObject({ limit: '2026-01-15T10:00:00.000Z' });
    });

    it('when aftercare start occurred more than 5 minutes after now, then rule violation', () => {
      spec([admitted(), discharged()])
        .when(start({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });

    it('given aftercare running, when it ends, then AftercareEnded with the reason', () => {
      spec([admitted(), discharged(), aftercareStarted])
        .when(end({ reason: 'citizen-declined' }))
        .then([
          {
            type: 'AftercareEnded',
            data: {
              citizenId,
              stayId: 'stay-1',
              occurredAt: '2026-03-01T12:00:00.000Z',
              reason: 'citizen-declined',
            },
          },
        ]);
    });

    it('given no aftercare started, when it ends, then conflict', () => {
      spec([admitted(), discharged()]).when(end()).thenThrows('aftercare-not-started', 'conflict');
    });

    it('given no such stay, when aftercare ends, then not found', () => {
      spec([]).when(end()).thenThrows('shelter-stay-not-found', 'not-found');
    });

    it('given aftercare ended, when ended again, then conflict', () => {
      const ended: ShelterStayEvent = {
        type: 'AftercareEnded',
        data: { citizenId, stayId: 'stay-1', occurredAt: '2026-03-01T12:00:00.000Z', reason: 'completed' },
      };
      spec([admitted(), discharged(), aftercareStarted, ended])
        .when(end())
        .thenThrows('aftercare-already-ended', 'conflict');
    });

    it('given aftercare running, when it ends before it started, then rule violation', () => {
      spec([admitted(), discharged(), aftercareStarted])
        .when(end({ occurredAt: new Date('2026-02-20T09:00:00Z') }))
        .thenThrows('aftercare-end-before-start', 'rule-violation');
    });

    it('given aftercare running for a stay discharged over a year ago, when it ends now, then rule violation', () => {
      spec([
        admitted(longAgo),
        dischargedLongAgo,
        { ...aftercareStarted, data: { ...aftercareStarted.data, occurredAt: '2025-01-20T10:00:00.000Z' } },
      ])
        .when(end())
        .thenThrows('aftercare-beyond-one-year', 'rule-violation');
    });

    it('when aftercare end occurred more than 5 minutes after now, then rule violation', () => {
      spec([admitted(), discharged(), aftercareStarted])
        .when(end({ occurredAt: justOverFiveMinutesAhead }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('ShelterAdmissionRecorded v1 → v2 (upcaster)', () => {
    const v1 = {
      citizenId,
      stayId: 'stay-1',
      occurredAt: '2026-01-10T21:30:00.000Z',
      ...roskilde,
      municipalityOfStay: '265',
      handlekommune: '101',
      referral: 'self-referred',
    };

    it('is schema version 2 with an upcaster from version 1', () => {
      expect(shelterStayProcess.events.ShelterAdmissionRecorded.schemaVersion).toBe(2);
      expect(shelterStayProcess.events.ShelterAdmissionRecorded.upcasters?.[1]).toBe(
        upcastShelterAdmissionV1,
      );
    });

    it.each([
      [true, 'home-cannot-be-used'],
      [false, 'no-home'],
    ] as const)(
      'turns hasHomeButCannotUseIt %s into homeSituation %s and drops the flag',
      (flag, situation) => {
        expect(upcastShelterAdmissionV1({ ...v1, hasHomeButCannotUseIt: flag })).toEqual(
          admitted({ homeSituation: situation }).data,
        );
      },
    );

    it('is applied when a stored v1 event is decoded, and the decider folds the result', () => {
      const decoded = decodeEvent({
        type: 'ShelterAdmissionRecorded',
        schemaVersion: 1,
        data: { ...v1, hasHomeButCannotUseIt: true },
      });
      expect(decoded).toEqual(admitted({ homeSituation: 'home-cannot-be-used' }));
      spec([decoded as ShelterStayEvent])
        .when(discharge())
        .then([discharged()]);
    });

    it('leaves a stored v2 event as it is', () => {
      const v2 = admitted({ homeSituation: 'home-cannot-be-used' });
      expect(decodeEvent({ type: v2.type, schemaVersion: 2, data: v2.data })).toEqual(v2);
    });
  });

  describe('evolve', () => {
    it('tracks the open stay, each stay and the last discharge', () => {
      expect(fold(shelterStayDecider, [admitted()])).toEqual({
        openStay: { stayId: 'stay-1', shelterId: roskilde.shelterId, admittedAt: '2026-01-10T21:30:00.000Z' },
        lastDischargedAt: null,
        stays: { 'stay-1': { ...freshStay } },
      });
      expect(
        fold(shelterStayDecider, [
          admitted(),
          notified(),
          planMade,
          dischargeDecided,
          discharged(),
          aftercareStarted,
          admitted({ stayId: 'stay-2', ...sctNicolai, occurredAt: '2026-02-22T20:00:00.000Z' }),
        ]),
      ).toEqual({
        openStay: {
          stayId: 'stay-2',
          shelterId: sctNicolai.shelterId,
          admittedAt: '2026-02-22T20:00:00.000Z',
        },
        lastDischargedAt: '2026-02-20T10:00:00.000Z',
        stays: {
          'stay-1': {
            ...freshStay,
            dischargedAt: '2026-02-20T10:00:00.000Z',
            handlekommuneNotifiedAt: '2026-01-12T09:00:00.000Z',
            stayPlanMadeAt: '2026-01-20T13:00:00.000Z',
            municipalDischargeDecidedAt: '2026-02-16T10:00:00.000Z',
            aftercare: { startedAt: '2026-02-20T10:00:00.000Z', endedAt: null },
          },
          'stay-2': {
            ...freshStay,
            shelterId: sctNicolai.shelterId,
            admittedAt: '2026-02-22T20:00:00.000Z',
          },
        },
      });
    });
  });
});
