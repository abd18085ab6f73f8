import { DomainError } from '../errors';
import { breakGlassDecider, BreakGlassEvent, GrantBreakGlassAccess } from './break-glass';

const NOW = new Date('2026-03-02T09:00:00Z');
const command = (overrides: Partial<GrantBreakGlassAccess> = {}): GrantBreakGlassAccess => ({
  type: 'GrantBreakGlassAccess',
  citizenId: 'c-1',
  grantId: 'g-1',
  principalId: 'p-1',
  unitId: 'kk-sof',
  reason: 'Found unconscious at the shelter, need medication history',
  durationMinutes: 180,
  owningUnits: [{ unitId: 'psyk-bispebjerg', unitType: 'psychiatry' }],
  ...overrides,
});
const given = (events: BreakGlassEvent[]) =>
  events.reduce(breakGlassDecider.evolve, breakGlassDecider.initialState());
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return 'no error';
};

describe('break-glass grants', () => {
  it('grants for the asked time, at most three hours, and records who, why and whose data', () => {
    const [event] = breakGlassDecider.decide(command({ durationMinutes: 60 }), given([]), NOW);
    expect(event).toEqual({
      type: 'BreakGlassAccessGranted',
      data: {
        citizenId: 'c-1',
        occurredAt: NOW.toISOString(),
        grantId: 'g-1',
        principalId: 'p-1',
        unitId: 'kk-sof',
        reason: 'Found unconscious at the shelter, need medication history',
        expiresAt: '2026-03-02T10:00:00.000Z',
        owningUnits: [{ unitId: 'psyk-bispebjerg', unitType: 'psychiatry' }],
      },
    });
  });

  it('refuses without a real reason, or for longer than three hours', () => {
    expect(codeOf(() => breakGlassDecider.decide(command({ reason: '   urgent   ' }), given([]), NOW))).toBe(
      'break-glass-reason-required',
    );
    expect(codeOf(() => breakGlassDecider.decide(command({ durationMinutes: 181 }), given([]), NOW))).toBe(
      'break-glass-too-long',
    );
    expect(codeOf(() => breakGlassDecider.decide(command({ durationMinutes: 0 }), given([]), NOW))).toBe(
      'break-glass-too-long',
    );
  });

  it('refuses a second grant while one runs, and allows a new one after it expired', () => {
    const first = breakGlassDecider.decide(command(), given([]), NOW);
    expect(codeOf(() => breakGlassDecider.decide(command({ grantId: 'g-2' }), given(first), NOW))).toBe(
      'break-glass-already-active',
    );
    const later = new Date(NOW.getTime() + 181 * 60_000);
    expect(breakGlassDecider.decide(command({ grantId: 'g-2' }), given(first), later)).toHaveLength(1);
  });
});
