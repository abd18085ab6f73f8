import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

/** A CTI course in phase 1 since Monday 2 February 2026; its 9 months end on 2 November. */
const inCti = (o: { plannedEndDate?: string | null } = {}) => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.contactAssigned('support-worker', 'staff-sw-3', 'unit-cti-team-kobenhavn'));
  engine.record(facts.supportDecided('support-1', 'cti', 'unit-cti-team-kobenhavn'));
  engine.record(facts.supportStarted('support-1', 'cti'));
  const phase1 = engine.record(facts.ctiPhaseAdvanced(o));
  return { engine, phase1 };
};

describe('A7 CTI handover', () => {
  it('defers to month 7, then warns provider and social authority, due and escalating at 9 months', () => {
    const { engine, phase1 } = inCti();
    expect(engine.alerts('A7')).toEqual([]);
    expect(engine.pendingTimers()).toMatchObject([
      { kind: 'raise', dueAt: '2026-08-02T06:00:00.000Z', payload: { ruleId: 'A7' } },
    ]);
    engine.advanceTo('2026-08-02T05:59:00Z');
    expect(engine.alerts('A7')).toEqual([]);
    engine.advanceTo('2026-08-02T06:00:00Z');
    expect(engine.alerts('A7')).toMatchObject([
      {
        category: 'support',
        subjectId: 'support-1',
        severity: 'warning',
        refs: { plannedEndDate: '2026-11-02' },
        recipients: [
          {
            unitType: 'support-provider',
            unitId: 'unit-cti-team-kobenhavn',
            contact: { role: 'support-worker', staffId: 'staff-sw-3' },
          },
          { unitType: 'social-authority', municipality: '101' },
        ],
        dueAt: '2026-11-02T07:00:00.000Z',
        reason: { code: 'cti-without-successor-support' },
      },
    ]);
    expect(engine.alerts('A7')[0].reason.factEventIds).toContain(phase1);
    engine.advanceTo('2026-11-02T07:00:00Z');
    expect(engine.alerts('A7')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('without a planned end date, counts 9 months from the start of phase 1', () => {
    const { engine } = inCti({ plannedEndDate: null });
    engine.advanceTo('2026-08-02T06:00:00Z');
    expect(engine.alerts('A7')).toMatchObject([{ refs: { plannedEndDate: '2026-11-02' } }]);
  });

  it('raises nothing at month 7 when successor support is planned or the course has ended', () => {
    const { engine: planned } = inCti();
    planned.advanceTo('2026-07-01T09:00:00Z');
    planned.record(facts.supportDecided('support-2', 'section-85', 'unit-bostotte', '2026-07-01T09:00:00Z'));
    planned.advanceTo('2026-08-03T00:00:00Z');
    expect(planned.alerts('A7')).toEqual([]);

    const { engine: ended } = inCti();
    ended.advanceTo('2026-06-01T09:00:00Z');
    ended.record(facts.supportEnded('support-1', '2026-06-01T09:00:00Z'));
    ended.advanceTo('2026-08-03T00:00:00Z');
    expect(ended.alerts('A7')).toEqual([]);
  });

  it('sets no clock on later phases', () => {
    const { engine } = inCti();
    engine.advanceTo('2026-05-04T09:00:00Z');
    engine.record(facts.ctiPhaseAdvanced({ phase: 'phase-2', occurredAt: '2026-05-04T09:00:00Z' }));
    expect(engine.pendingTimers().filter((t) => t.kind === 'raise')).toHaveLength(1);
  });

  it('resolves itself when successor support is decided', () => {
    const { engine } = inCti();
    engine.advanceTo('2026-08-10T09:00:00Z');
    engine.record(facts.supportDecided('support-2', 'icm', 'unit-icm-team', '2026-08-10T09:00:00Z'));
    expect(engine.alerts('A7')[0].state.status).toBe('resolved');
  });

  it('resolves itself when the course ends with successor support, not when it ends without', () => {
    const { engine: without } = inCti();
    without.advanceTo('2026-08-10T09:00:00Z');
    without.record(facts.supportEnded('support-1', '2026-08-10T09:00:00Z', 'none'));
    expect(without.alerts('A7')[0].state.status).toBe('open');

    const { engine: handedOver } = inCti();
    handedOver.advanceTo('2026-10-30T09:00:00Z');
    handedOver.record(facts.supportEnded('support-1', '2026-10-30T09:00:00Z', 'section-85'));
    expect(handedOver.alerts('A7')[0].state.status).toBe('resolved');
  });
});
