import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const inShelter = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('147'));
  engine.record(facts.contactAssigned('authority-caseworker', 'staff-myn-7', 'unit-myndighed-valby'));
  engine.record(facts.shelterAdmitted({ handlekommune: '147', occurredAt: '2026-03-01T20:00:00Z' }));
  engine.advanceTo('2026-03-10T10:00:00Z');
  return engine;
};

describe('A6 support before discharge', () => {
  it('warns the deciding social authority of a discharge with no §85a decision, due at the assumed discharge', () => {
    const engine = inShelter();
    const decided = engine.record(facts.municipalDischargeDecided('stay-1', '2026-03-10T10:00:00Z', '147'));
    expect(engine.alerts('A6')).toMatchObject([
      {
        category: 'shelter',
        subjectId: 'stay-1',
        severity: 'warning',
        recipients: [
          {
            unitType: 'social-authority',
            municipality: '147',
            contact: { role: 'authority-caseworker', staffId: 'staff-myn-7' },
          },
        ],
        // decided on Tuesday 10 March; 3 working days on: Friday 13 March, 08:00 Copenhagen
        dueAt: '2026-03-13T07:00:00.000Z',
        reason: { code: 'discharge-without-85a-decision' },
      },
    ]);
    expect(engine.alerts('A6')[0].reason.factEventIds).toContain(decided);
    engine.advanceTo('2026-03-13T06:59:00Z');
    expect(engine.alerts('A6')[0].state.status).toBe('open');
    engine.advanceTo('2026-03-13T07:00:00Z');
    expect(engine.alerts('A6')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('raises nothing when a §85a course is already decided', () => {
    const engine = inShelter();
    engine.record(facts.supportDecided('support-1', 'act', 'unit-act-team', '2026-03-09T10:00:00Z'));
    engine.record(facts.municipalDischargeDecided('stay-1', '2026-03-10T10:00:00Z', '147'));
    expect(engine.alerts('A6')).toEqual([]);
  });

  it('a §85 course is not enough, and a decision about another stay raises nothing', () => {
    const s85 = inShelter();
    s85.record(facts.supportDecided('support-1', 'section-85', 'unit-bostotte', '2026-03-09T10:00:00Z'));
    s85.record(facts.municipalDischargeDecided('stay-1', '2026-03-10T10:00:00Z', '147'));
    expect(s85.alerts('A6')).toHaveLength(1);

    const other = inShelter();
    other.record(facts.municipalDischargeDecided('stay-9', '2026-03-10T10:00:00Z', '147'));
    expect(other.alerts('A6')).toEqual([]);
  });

  it('resolves itself on a §85a decision, not on a §85 one', () => {
    const engine = inShelter();
    engine.record(facts.municipalDischargeDecided('stay-1', '2026-03-10T10:00:00Z', '147'));
    engine.record(facts.supportDecided('support-1', 'section-85', 'unit-bostotte', '2026-03-11T09:00:00Z'));
    expect(engine.alerts('A6')[0].state.status).toBe('open');
    engine.record(facts.supportDecided('support-2', 'cti', 'unit-cti-team', '2026-03-11T10:00:00Z'));
    expect(engine.alerts('A6')[0].state.status).toBe('resolved');
  });

  it('turns critical when the stay is discharged with the alert still open', () => {
    const engine = inShelter();
    engine.record(facts.municipalDischargeDecided('stay-1', '2026-03-10T10:00:00Z', '147'));
    engine.advanceTo('2026-03-11T10:00:00Z');
    engine.record(facts.shelterDischarged('stay-1', '2026-03-11T10:00:00Z'));
    expect(engine.alerts('A6')[0].state).toMatchObject({ status: 'escalated', severity: 'critical' });
  });
});
