import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const citizen = (now = SPEC_NOW) => {
  const engine = new InMemoryAlertEngine('c-1', now);
  engine.record(facts.registered('101'));
  return engine;
};

describe('A2 shelter notification duty (§110 stk. 6, 3 working days)', () => {
  it('gives the shelter a to-do due at the end of the third working day after the admission', () => {
    const engine = citizen();
    // Monday 2 March, 21:40 in Copenhagen: Tuesday, Wednesday, Thursday -> end of Thursday 5 March.
    const admission = engine.record(
      facts.shelterAdmitted({ occurredAt: '2026-03-02T20:40:00Z', handlekommune: '147' }),
    );
    expect(engine.alerts('A2')).toMatchObject([
      {
        category: 'shelter',
        subjectId: 'stay-1',
        severity: 'info',
        dueAt: '2026-03-05T23:00:00.000Z',
        recipients: [{ unitType: 'shelter', unitId: 'shelter-kollegiet-sct-nicolai', municipality: '101' }],
        reason: { code: 'handlekommune-notice-due', factEventIds: [admission] },
        escalation: [{ step: 1, at: '2026-03-05T23:00:00.000Z', severity: 'high' }],
      },
    ]);
  });

  it('resolves itself when the handlekommune is notified, so the deadline passes quietly', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted());
    engine.record(facts.handlekommuneNotified('another-stay'));
    expect(engine.alerts('A2')[0].state.status).toBe('open');
    engine.record(facts.handlekommuneNotified('stay-1'));
    engine.advanceTo('2026-03-06T12:00:00Z');
    expect(engine.alerts('A2')[0].events).toEqual(['AlertRaised', 'AlertResolved']);
  });

  it('is a breach at the deadline: high, and the social authority of the handlekommune is told', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted({ handlekommune: '147' }));
    engine.advanceTo('2026-03-05T22:59:59Z');
    expect(engine.alerts('A2')[0].state.status).toBe('open');
    engine.advanceTo('2026-03-05T23:00:00Z');
    expect(engine.alerts('A2')[0].state).toMatchObject({
      status: 'escalated',
      severity: 'high',
      recipients: [{ unitType: 'shelter' }, { unitType: 'social-authority', municipality: '147' }],
    });
    engine.advanceTo('2026-03-06T23:00:00Z');
    expect(engine.alerts('A2')[0].events).toEqual(['AlertRaised', 'AlertEscalated']); // exactly once
  });

  it('does not count Easter 2026: an admission on 1 April is due at the end of 9 April', () => {
    const engine = citizen(new Date('2026-04-01T12:00:00Z'));
    engine.record(facts.shelterAdmitted({ occurredAt: '2026-04-01T11:00:00Z' }));
    expect(engine.alerts('A2')[0].dueAt).toBe('2026-04-09T22:00:00.000Z');
    engine.advanceTo('2026-04-08T22:00:00Z'); // the end of the second working day after Easter
    expect(engine.alerts('A2')[0].state.status).toBe('open');
    engine.advanceTo('2026-04-09T22:00:00Z');
    expect(engine.alerts('A2')[0].state.status).toBe('escalated');
  });

  it('does not count Christmas: an admission on 23 December 2026 is due at the end of 29 December', () => {
    const engine = citizen(new Date('2026-12-23T12:00:00Z'));
    engine.record(facts.shelterAdmitted({ occurredAt: '2026-12-23T11:00:00Z' }));
    expect(engine.alerts('A2')[0].dueAt).toBe('2026-12-29T23:00:00.000Z');
  });

  it('breaches at once when the admission is recorded after its deadline', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted({ occurredAt: '2026-02-20T10:00:00Z' }));
    engine.advanceTo(SPEC_NOW);
    expect(engine.alerts('A2')[0].state.status).toBe('escalated');
  });
});
