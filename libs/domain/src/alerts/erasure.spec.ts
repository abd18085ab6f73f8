import { SPEC_NOW } from '../testing/given-when-then';
import { facts } from './testing/fact-builders';
import { InMemoryAlertEngine } from './testing/in-memory-alert-engine';

const citizen = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  return engine;
};

/** Erasing a record's personal data (GDPR art. 17) ends the alerting about it, as a death does. */
describe('alerts after an erasure', () => {
  it('resolves every open alert of the citizen by the erasure fact', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned());
    engine.record(facts.shelterAdmitted());
    expect(engine.alerts().map((a) => a.state.status)).toEqual(['open', 'open']);
    const erasure = engine.record(facts.personalDataErased());
    expect(engine.alerts().map((a) => a.state.status)).toEqual(['resolved', 'resolved']);
    for (const alert of engine.alerts()) {
      expect(engine.streams.get(alert.alertId)?.at(-1)).toMatchObject({
        type: 'AlertResolved',
        data: {
          by: 'fact-arrived',
          resolvingEventId: erasure,
          resolvingEventType: 'CitizenPersonalDataErased',
        },
      });
    }
  });

  it('lets no escalation timer of a resolved alert fire into a breach', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted({ handlekommune: '147' }));
    engine.record(facts.personalDataErased());
    engine.advanceTo('2026-03-06T12:00:00Z');
    expect(engine.alerts('A2')[0].events).toEqual(['AlertRaised', 'AlertResolved']);
  });

  it('raises nothing from a check deferred before the erasure that comes due after it', () => {
    const engine = citizen();
    engine.record(facts.prisonIntake('prison-1'));
    engine.record(facts.releaseScheduled('prison-1', '2026-05-15'));
    expect(engine.pendingTimers()).toMatchObject([{ kind: 'raise' }]);
    engine.record(facts.personalDataErased());
    engine.advanceTo('2026-04-17T06:00:00Z');
    expect(engine.alerts()).toEqual([]);
  });

  it('raises nothing for a fact that would otherwise raise (a late report after the erasure)', () => {
    const engine = citizen();
    engine.record(facts.personalDataErased());
    engine.record(facts.dischargePlanned());
    expect(engine.alerts()).toEqual([]);
    expect(engine.facts.personalDataErased).toBe(true);
  });
});
