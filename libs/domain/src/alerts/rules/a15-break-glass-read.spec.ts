import { SPEC_NOW } from '../../testing/given-when-then';
import type { BreakGlassAccessGranted } from '../../break-glass/break-glass';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const granted = (owningUnits: { unitId: string; unitType: string }[]): BreakGlassAccessGranted => ({
  type: 'BreakGlassAccessGranted',
  data: {
    citizenId: 'c-1',
    occurredAt: '2026-03-02T09:00:00Z',
    grantId: 'grant-1',
    principalId: 'p-1',
    unitId: 'kk-sof-myndighed',
    reason: 'Citizen found unconscious, need medication history now',
    expiresAt: '2026-03-02T12:00:00Z',
    owningUnits,
  },
});

describe('A15 break-glass read', () => {
  it('tells each unit whose data was opened, without repeating the reason', () => {
    const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
    engine.record(facts.registered('101'));
    engine.record(
      granted([
        { unitId: 'region-h-psykiatri-bispebjerg', unitType: 'psychiatry' },
        { unitId: 'kriminalforsorgen-vestre', unitType: 'prison' },
      ]),
    );
    const [alert] = engine.alerts('A15');
    expect(alert).toMatchObject({
      category: 'identity',
      severity: 'warning',
      subjectId: 'grant-1',
      recipients: [
        { unitType: 'psychiatry', unitId: 'region-h-psykiatri-bispebjerg' },
        { unitType: 'prison', unitId: 'kriminalforsorgen-vestre' },
      ],
      reason: { code: 'break-glass-read' },
    });
    expect(alert!.reason.text).not.toContain('unconscious');
  });

  it('raises nothing when no other unit owns hidden data, or a unit type is unknown', () => {
    const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
    engine.record(facts.registered('101'));
    engine.record(granted([]));
    engine.record(granted([{ unitId: 'x', unitType: 'not-a-unit-type' }]));
    expect(engine.alerts('A15')).toEqual([]);
  });
});
