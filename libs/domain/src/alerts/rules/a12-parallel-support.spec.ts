import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

/** §85 bostøtte and §85a ICM both running; no mentor, no support worker yet. */
const twoCourses = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.supportDecided('support-1', 'section-85', 'unit-bostotte-amager'));
  engine.record(facts.supportStarted('support-1', 'section-85'));
  engine.record(facts.supportDecided('support-2', 'icm', 'unit-icm-team'));
  engine.record(facts.supportStarted('support-2', 'icm'));
  return engine;
};
const mentor = () =>
  facts.contactAssigned('mentor', 'staff-mentor-5', 'unit-jobcenter-kbh-nord', '2026-03-02T09:00:00Z');

describe('A12 parallel support', () => {
  it('tells the social authority when §85, §85a and a mentor run together with no lead worker', () => {
    const engine = twoCourses();
    expect(engine.alerts('A12')).toEqual([]);
    const assigned = engine.record(mentor());
    expect(engine.alerts('A12')).toMatchObject([
      {
        category: 'support',
        subjectId: 'parallel-support',
        severity: 'info',
        recipients: [{ unitType: 'social-authority', municipality: '101' }],
        // Monday 2 March + 10 working days, 08:00 Copenhagen
        dueAt: '2026-03-16T07:00:00.000Z',
        escalation: [],
        refs: { section85SupportId: 'support-1', section85aSupportId: 'support-2' },
        reason: { code: 'parallel-support-without-lead' },
      },
    ]);
    expect(engine.alerts('A12')[0].reason.factEventIds).toContain(assigned);
  });

  it('raises whichever fact completes the picture, e.g. the second course starting', () => {
    const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
    engine.record(facts.registered('101'));
    engine.record(mentor());
    engine.record(facts.supportDecided('support-1', 'section-85', 'unit-bostotte-amager'));
    engine.record(facts.supportStarted('support-1', 'section-85'));
    engine.record(facts.supportDecided('support-2', 'act', 'unit-act-team'));
    expect(engine.alerts('A12')).toEqual([]); // decided, not running yet
    engine.record(facts.supportStarted('support-2', 'act'));
    expect(engine.alerts('A12')).toHaveLength(1);
  });

  it('raises nothing with a support worker assigned, without a mentor, or with only one kind of support', () => {
    const lead = twoCourses();
    lead.record(facts.contactAssigned('support-worker', 'staff-sw-3', 'unit-icm-team'));
    lead.record(mentor());
    expect(lead.alerts('A12')).toEqual([]);

    const noMentor = twoCourses();
    noMentor.record(facts.contactAssigned('jobcentre-caseworker', 'staff-jc-42', 'unit-jobcenter-kbh-nord'));
    expect(noMentor.alerts('A12')).toEqual([]);

    const only85a = new InMemoryAlertEngine('c-1', SPEC_NOW);
    only85a.record(facts.registered('101'));
    only85a.record(facts.supportDecided('support-2', 'icm', 'unit-icm-team'));
    only85a.record(facts.supportStarted('support-2', 'icm'));
    only85a.record(facts.supportDecided('support-3', 'cti', 'unit-cti-team'));
    only85a.record(facts.supportStarted('support-3', 'cti'));
    only85a.record(mentor());
    expect(only85a.alerts('A12')).toEqual([]);
  });

  it('resolves itself when a support worker is assigned, and is raised again if the lead goes', () => {
    const engine = twoCourses();
    engine.record(mentor());
    engine.record(facts.contactAssigned('mentor', 'staff-mentor-6', 'unit-jobcenter-kbh-nord'));
    expect(engine.alerts('A12')).toHaveLength(1);
    engine.record(
      facts.contactAssigned('support-worker', 'staff-sw-3', 'unit-icm-team', '2026-03-03T09:00:00Z'),
    );
    expect(engine.alerts('A12')[0].state.status).toBe('resolved');
    engine.record(facts.contactUnassigned('support-worker', 'staff-sw-3', 'unit-icm-team'));
    expect(engine.alerts('A12').map((a) => a.state.status)).toEqual(['resolved', 'open']);
  });

  it('resolves itself when one of the courses ends, not when another course ends', () => {
    const engine = twoCourses();
    engine.record(facts.supportDecided('support-3', 'section-85', 'unit-bostotte-valby'));
    engine.record(facts.supportStarted('support-3', 'section-85'));
    engine.record(mentor());
    engine.record(facts.supportEnded('support-1', '2026-03-04T09:00:00Z', 'none', 'section-85'));
    expect(engine.alerts('A12')[0].state.status).toBe('open'); // another §85 course still runs
    engine.record(facts.supportEnded('support-2', '2026-03-05T09:00:00Z', 'none', 'icm'));
    expect(engine.alerts('A12')[0].state.status).toBe('resolved');
  });
});
