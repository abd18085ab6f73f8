import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  RecordShelterAdmission,
  RecordShelterDischarge,
  SHELTER_DISCHARGE_DESTINATIONS,
  ShelterAdmissionRecorded,
  ShelterDischargeRecorded,
  shelterStayDecider,
  shelterStaysStreamId,
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
  hasHomeButCannotUseIt: false,
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
    hasHomeButCannotUseIt: false,
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
            hasHomeButCannotUseIt: true,
            municipalityOfStay: '751',
            handlekommune: '751',
          }),
        )
        .then([
          admitted({
            referral: 'referred',
            hasHomeButCannotUseIt: true,
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

  describe('evolve', () => {
    it('tracks the open stay, all stays and the last discharge', () => {
      expect(fold(shelterStayDecider, [admitted()])).toEqual({
        openStay: { stayId: 'stay-1', shelterId: roskilde.shelterId, admittedAt: '2026-01-10T21:30:00.000Z' },
        lastDischargedAt: null,
        stays: { 'stay-1': 'open' },
      });
      expect(
        fold(shelterStayDecider, [
          admitted(),
          discharged(),
          admitted({ stayId: 'stay-2', ...sctNicolai, occurredAt: '2026-02-22T20:00:00.000Z' }),
        ]),
      ).toEqual({
        openStay: {
          stayId: 'stay-2',
          shelterId: sctNicolai.shelterId,
          admittedAt: '2026-02-22T20:00:00.000Z',
        },
        lastDischargedAt: '2026-02-20T10:00:00.000Z',
        stays: { 'stay-1': 'discharged', 'stay-2': 'open' },
      });
    });
  });
});
