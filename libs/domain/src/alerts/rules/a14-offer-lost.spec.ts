import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const citizen = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.offered('offer-1', '2026-03-20', '2026-02-20T09:00:00Z'));
  return engine;
};

describe('A14 offer lost', () => {
  it('alerts the social authority and the benefits office that decided the deposit when an offer lapses for a benefits reason', () => {
    const engine = citizen();
    engine.record(
      facts.depositSubmitted({ decidingMunicipality: '147', occurredAt: '2026-02-21T09:00:00Z' }),
    );
    engine.record(facts.offerLapsed('offer-1', 'benefits-processing-time', '2026-03-01T09:00:00Z'));
    expect(engine.alerts('A14')).toMatchObject([
      {
        category: 'housing',
        subjectId: 'offer-1',
        recipients: [
          { unitType: 'social-authority', municipality: '101' },
          { unitType: 'benefits', municipality: '147' },
        ],
        escalation: [],
        reason: { code: 'housing-offer-lost' },
      },
    ]);
  });

  it('covers an offer declined for debt, with the handlekommune benefits office', () => {
    const engine = citizen();
    engine.record(facts.offerDeclined('offer-1', 'debt', '2026-03-01T09:00:00Z'));
    expect(engine.alerts('A14')[0].recipients[1]).toEqual({ unitType: 'benefits', municipality: '101' });
  });

  it('raises nothing for other reasons', () => {
    const engine = citizen();
    engine.record(facts.offerDeclined('offer-1', 'citizen-declined', '2026-03-01T09:00:00Z'));
    engine.record(facts.offered('offer-2', '2026-03-25'));
    engine.record(facts.offerLapsed('offer-2', 'flexible-letting-rule', '2026-03-02T09:00:00Z'));
    expect(engine.alerts('A14')).toEqual([]);
  });

  it('resolves itself with a new offer', () => {
    const engine = citizen();
    engine.record(facts.offerLapsed('offer-1', 'debt', '2026-03-01T09:00:00Z'));
    engine.record(facts.offered('offer-2', '2026-04-10'));
    expect(engine.alerts('A14')[0].state.status).toBe('resolved');
  });
});
