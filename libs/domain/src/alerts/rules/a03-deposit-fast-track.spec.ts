import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const citizen = (now = SPEC_NOW) => {
  const engine = new InMemoryAlertEngine('c-1', now);
  engine.record(facts.registered('101'));
  return engine;
};

describe('A3 deposit fast-track', () => {
  it('sends an application linked to an offer to the benefits office of the deciding municipality, due within 24 h', () => {
    const engine = citizen();
    const offer = engine.record(facts.offered('offer-1', '2026-03-20'));
    const application = engine.record(facts.depositSubmitted({ decidingMunicipality: '147' }));
    expect(engine.alerts('A3')).toMatchObject([
      {
        category: 'benefits',
        subjectId: 'app-1',
        refs: { offerId: 'offer-1', leaseSigningDeadline: '2026-03-20' },
        severity: 'warning',
        recipients: [{ unitType: 'benefits', municipality: '147' }],
        dueAt: '2026-03-03T10:00:00.000Z',
        // two working days before Friday 20 March: Wednesday 18 March at 08:00
        escalation: [
          { at: '2026-03-18T07:00:00.000Z', severity: 'high', reason: 'lease-deadline-approaching' },
        ],
        reason: { factEventIds: [application, offer] },
      },
    ]);
  });

  it('raises nothing for a furniture grant, an application without an offer or deadline, or an offer already lost', () => {
    const engine = citizen();
    engine.record(facts.offered('offer-1', '2026-03-20'));
    engine.record(facts.depositSubmitted({ applicationId: 'a', kind: 'furniture-grant' }));
    engine.record(facts.depositSubmitted({ applicationId: 'b', linkedOfferId: null }));
    engine.record(facts.depositSubmitted({ applicationId: 'c', linkedOfferId: 'offer-unknown' }));
    engine.record(facts.offered('offer-2', '2026-03-25'));
    engine.record(facts.offerDeclined('offer-2', 'citizen-declined'));
    engine.record(facts.depositSubmitted({ applicationId: 'd', linkedOfferId: 'offer-2' }));
    expect(engine.alerts('A3')).toEqual([]);
  });

  it('takes the deadline from the application when the offer was recorded elsewhere', () => {
    const engine = citizen();
    engine.record(facts.depositSubmitted({ linkedOfferId: 'offer-x', leaseSigningDeadline: '2026-03-27' }));
    expect(engine.alerts('A3')[0].escalation[0].at).toBe('2026-03-25T07:00:00.000Z');
  });

  it('escalates two working days before the deadline, skipping Easter, and tells the social authority', () => {
    const engine = citizen(new Date('2026-03-26T09:00:00Z'));
    engine.record(facts.offered('offer-1', '2026-04-07', '2026-03-26T08:00:00Z'));
    engine.record(facts.depositSubmitted({ occurredAt: '2026-03-26T08:30:00Z' }));
    // Tuesday 7 April: Monday 6 to Thursday 2 April are Easter holidays, so Tuesday 31 March at 08:00 (CEST).
    expect(engine.alerts('A3')[0].escalation[0].at).toBe('2026-03-31T06:00:00.000Z');
    engine.advanceTo('2026-03-31T05:59:00Z');
    expect(engine.alerts('A3')[0].state.status).toBe('open');
    engine.advanceTo('2026-03-31T06:00:00Z');
    expect(engine.alerts('A3')[0].state).toMatchObject({
      status: 'escalated',
      severity: 'high',
      recipients: [{ unitType: 'benefits' }, { unitType: 'social-authority', municipality: '101' }],
    });
  });

  it('is high at once when submitted inside the escalation window', () => {
    const engine = citizen(new Date('2026-03-19T09:00:00Z'));
    engine.record(facts.offered('offer-1', '2026-03-20'));
    engine.record(facts.depositSubmitted());
    expect(engine.alerts('A3')[0]).toMatchObject({
      severity: 'high',
      escalation: [],
      recipients: [{ unitType: 'benefits' }, { unitType: 'social-authority' }],
    });
  });

  it('resolves itself when the application is decided, not when another one is', () => {
    const engine = citizen();
    engine.record(facts.offered());
    engine.record(facts.depositSubmitted());
    engine.record(facts.depositDecided('app-other'));
    expect(engine.alerts('A3')[0].state.status).toBe('open');
    engine.record(facts.depositDecided('app-1'));
    expect(engine.alerts('A3')[0].state.status).toBe('resolved');
    engine.advanceTo('2026-03-18T08:00:00Z');
    expect(engine.alerts('A3')[0].events).toEqual(['AlertRaised', 'AlertResolved']);
  });

  it('is a breach when the offer lapses undecided: critical (and A14 tells the social authority the offer is lost)', () => {
    const engine = citizen();
    engine.record(facts.offered());
    engine.record(facts.depositSubmitted());
    engine.advanceTo('2026-03-21T10:00:00Z');
    engine.record(facts.offerLapsed('offer-1', 'benefits-processing-time', '2026-03-21T09:00:00Z'));
    expect(engine.alerts('A3')[0].state).toMatchObject({ status: 'escalated', severity: 'critical' });
    expect(engine.streams.get(engine.alerts('A3')[0].alertId)?.at(-1)).toMatchObject({
      type: 'AlertEscalated',
      data: { trigger: 'fact-arrived', reason: 'offer-lapsed-before-decision' },
    });
    expect(engine.alerts('A14')).toHaveLength(1);
  });
});
