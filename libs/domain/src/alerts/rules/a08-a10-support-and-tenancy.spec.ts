import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const supportedAndRehoused = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.supportDecided('support-1', 'cti', 'unit-cti-team-kobenhavn'));
  engine.record(facts.supportStarted('support-1', 'cti'));
  engine.record(facts.leaseSigned('offer-1', 'permanent'));
  engine.record(facts.movedIn('offer-1'));
  return engine;
};

describe('A8 contact lost', () => {
  it('alerts the provider and the social authority, escalating weekly until contact is restored', () => {
    const engine = supportedAndRehoused();
    engine.record(facts.contactLost('support-1', '2026-03-02T09:00:00Z'));
    const [alert] = engine.alerts('A8');
    expect(alert).toMatchObject({
      category: 'support',
      recipients: [
        { unitType: 'support-provider', unitId: 'unit-cti-team-kobenhavn' },
        { unitType: 'social-authority' },
      ],
      escalation: [
        { at: '2026-03-09T09:00:00.000Z', severity: 'high' },
        { at: '2026-03-16T09:00:00.000Z', severity: 'high' },
        { at: '2026-03-23T09:00:00.000Z', severity: 'critical' },
      ],
    });
    engine.advanceTo('2026-03-16T09:00:00Z');
    expect(engine.state(alert.alertId).firedSteps).toEqual([1, 2]);
    engine.record(facts.contactRestored('support-1', '2026-03-16T10:00:00Z'));
    engine.advanceTo('2026-03-30T00:00:00Z');
    expect(engine.state(alert.alertId)).toMatchObject({
      status: 'resolved',
      severity: 'high',
      firedSteps: [1, 2],
    });
  });
});

describe('A10 tenancy at risk', () => {
  it('sends an eviction notice of a rehoused citizen to the provider, prevention team and benefits, critical near the bailiff date', () => {
    const engine = supportedAndRehoused();
    engine.record(facts.evictionNotice('offer-1', '2026-03-20'));
    expect(engine.alerts('A10')).toMatchObject([
      {
        severity: 'high',
        dueAt: '2026-03-13T07:00:00.000Z',
        recipients: [
          { unitType: 'support-provider' },
          { unitType: 'prevention-team', municipality: '101' },
          { unitType: 'benefits', municipality: '101' },
        ],
        escalation: [{ at: '2026-03-18T07:00:00.000Z', severity: 'critical' }],
      },
    ]);
    engine.record(facts.evictionAverted('offer-1'));
    expect(engine.alerts('A10')[0].state.status).toBe('resolved');
  });

  it('raises nothing for a tenant neither rehoused within 12 months nor in Housing First support', () => {
    const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
    engine.record(facts.registered('101'));
    engine.record(facts.leaseSigned('offer-1', 'permanent', '2024-01-10T09:00:00Z'));
    engine.record(facts.movedIn('offer-1', '2024-01-15T09:00:00Z'));
    engine.record(facts.rentArrears('offer-1'));
    expect(engine.alerts('A10')).toEqual([]);
  });
});
