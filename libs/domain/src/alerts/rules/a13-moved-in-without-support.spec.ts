import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const citizen = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.leaseSigned('offer-1', 'permanent', '2026-02-25T09:00:00Z'));
  return engine;
};

describe('A13 moved in without support', () => {
  it('alerts the social authority to a move-in with no support, due in 7 days, escalating then', () => {
    const engine = citizen();
    engine.record(facts.movedIn('offer-1', '2026-03-01T12:00:00Z'));
    expect(engine.alerts('A13')).toMatchObject([
      {
        category: 'support',
        severity: 'warning',
        dueAt: '2026-03-08T12:00:00.000Z',
        recipients: [{ unitType: 'social-authority', municipality: '101' }],
        reason: { text: 'Moved in on 2026-03-01 (permanent lease) with no support decided or running.' },
      },
    ]);
    engine.advanceTo('2026-03-08T12:00:00Z');
    expect(engine.alerts('A13')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('raises nothing when support is decided, running or paused', () => {
    const engine = citizen();
    engine.record(facts.supportDecided('support-1', 'icm'));
    engine.record(facts.movedIn('offer-1', '2026-03-01T12:00:00Z'));
    expect(engine.alerts('A13')).toEqual([]);
  });

  it('resolves itself when support is decided', () => {
    const engine = citizen();
    engine.record(facts.movedIn('offer-1', '2026-03-01T12:00:00Z'));
    engine.record(
      facts.supportDecided('support-1', 'section-85', 'unit-bostotte-amager', '2026-03-02T09:00:00Z'),
    );
    expect(engine.alerts('A13')[0].state.status).toBe('resolved');
  });
});
