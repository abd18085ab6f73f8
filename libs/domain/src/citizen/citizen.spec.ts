import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import { CitizenEvent, citizenDecider, citizenStreamId, RegisterCitizen } from './citizen';

const citizenId = '3f1c9a52-8d0e-4b7a-9a51-2c4e6f7b8d10';
const sealed = 'v1.kid-3f1c.bm9uY2U.Y2lwaGVydGV4dA';

const register = (overrides: Partial<RegisterCitizen> = {}): RegisterCitizen => ({
  type: 'RegisterCitizen',
  citizenId,
  occurredAt: new Date('2026-03-02T08:15:00Z'),
  handlekommune: '101',
  hasCpr: true,
  sealedPersonalData: sealed,
  ...overrides,
});

const registered: CitizenEvent = {
  type: 'CitizenRegistered',
  data: {
    citizenId,
    occurredAt: '2026-03-02T08:15:00.000Z',
    handlekommune: '101',
    hasCpr: true,
    sealedPersonalData: sealed,
  },
};

const spec = specFor(citizenDecider);

describe('Citizen', () => {
  it('stream id is derived from the citizen id only', () => {
    expect(citizenStreamId(citizenId)).toBe(`citizen-${citizenId}`);
  });

  describe('RegisterCitizen', () => {
    it('given a new citizen, when registered with CPR, then CitizenRegistered', () => {
      spec([]).when(register()).then([registered]);
    });

    it('given a new citizen, when registered without CPR (e.g. a migrant), then CitizenRegistered with hasCpr false', () => {
      spec([])
        .when(register({ hasCpr: false, handlekommune: '751' }))
        .then([
          { type: 'CitizenRegistered', data: { ...registered.data, hasCpr: false, handlekommune: '751' } },
        ]);
    });

    it('given a registered citizen, when registered again, then conflict', () => {
      spec([registered]).when(register()).thenThrows('citizen-already-registered', 'conflict');
    });

    it('when the handlekommune is not a municipality code, then rule violation', () => {
      const error = spec([])
        .when(register({ handlekommune: '411' }))
        .thenThrows('unknown-municipality', 'rule-violation');
      expect(error.details).toEqual({ field: 'handlekommune', code: '411' });
    });

    it('when occurredAt is more than 5 minutes after now, then rule violation', () => {
      spec([])
        .when(register({ occurredAt: new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1) }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });

    it('when occurredAt is exactly 5 minutes after now (clock skew), then accepted', () => {
      const occurredAt = new Date(SPEC_NOW.getTime() + 5 * 60_000);
      spec([])
        .when(register({ occurredAt }))
        .then([
          { type: 'CitizenRegistered', data: { ...registered.data, occurredAt: occurredAt.toISOString() } },
        ]);
    });

    it('when occurredAt is not a valid date, then rule violation', () => {
      spec([])
        .when(register({ occurredAt: new Date('not a date') }))
        .thenThrows('invalid-occurred-at', 'rule-violation');
    });

    it('never puts the sealed personal data into an error', () => {
      const error = spec([registered]).when(register()).thenThrows('citizen-already-registered');
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(sealed);
    });
  });

  describe('evolve', () => {
    it('given CitizenRegistered, state is registered with handlekommune and hasCpr', () => {
      expect(fold(citizenDecider, [registered])).toEqual({
        registered: true,
        citizenId,
        handlekommune: '101',
        hasCpr: true,
      });
    });

    it('given nothing, state is not registered', () => {
      expect(fold(citizenDecider, [])).toEqual({ registered: false });
    });
  });
});
