import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';
import { SHELTER_REFUND_LIMITS, shelterRefundLimitOn } from '../thresholds';
import { shelterNightsInWindow } from './a05-shelter-refund-clock';

const citizen = (now: string | Date = SPEC_NOW) => {
  const engine = new InMemoryAlertEngine('c-1', new Date(now));
  engine.record(facts.registered('101', '2025-06-01T09:00:00Z'));
  return engine;
};

describe('A5 shelter refund clock', () => {
  it('takes the limit from the table by the admission date: 120 days, 90 from 1 April 2026', () => {
    expect(shelterRefundLimitOn('2026-03-31').days).toBe(120);
    expect(shelterRefundLimitOn('2026-04-01').days).toBe(90);
    expect(
      shelterRefundLimitOn('2026-04-01', [{ effectiveFrom: '0001-01-01', days: 100, source: 'x' }]).days,
    ).toBe(100);
    expect(SHELTER_REFUND_LIMITS.map((l) => l.effectiveFrom)).toEqual(['0001-01-01', '2026-04-01']);
  });

  it('counts nights of the rolling year, overlapping stays once', () => {
    const past = [
      { from: '2026-01-01', to: '2026-01-11' },
      { from: '2026-01-05', to: '2026-01-15' },
      { from: '2024-01-01', to: '2024-12-31' },
    ];
    expect(shelterNightsInWindow(past, '2026-03-01', '2026-03-11')).toBe(14 + 10);
  });

  it('defers to the limit minus 30 days, then warns the social authority of the stay, due at the limit', () => {
    const engine = citizen();
    const admitted = engine.record(facts.shelterAdmitted({ handlekommune: '147' })); // 2026-03-02, limit 120
    expect(engine.alerts('A5')).toEqual([]);
    expect(engine.pendingTimers().filter((t) => t.kind === 'raise')).toMatchObject([
      { dueAt: '2026-05-31T06:00:00.000Z', payload: { ruleId: 'A5' } },
    ]);
    engine.advanceTo('2026-05-31T05:59:00Z');
    expect(engine.alerts('A5')).toEqual([]);
    engine.advanceTo('2026-05-31T06:00:00Z');
    expect(engine.alerts('A5')).toMatchObject([
      {
        category: 'shelter',
        subjectId: 'stay-1',
        severity: 'warning',
        recipients: [{ unitType: 'social-authority', municipality: '147' }],
        dueAt: '2026-06-30T06:00:00.000Z',
        refs: { limitDate: '2026-06-30', limitDays: '120' },
        reason: { code: 'shelter-refund-limit-approaching' },
      },
    ]);
    expect(engine.alerts('A5')[0].reason.factEventIds).toContain(admitted);
    engine.advanceTo('2026-06-30T05:59:00Z');
    expect(engine.alerts('A5')[0].state.status).toBe('open');
    engine.advanceTo('2026-06-30T06:00:00Z');
    expect(engine.alerts('A5')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('uses 90 days for a stay admitted from 1 April 2026', () => {
    const engine = citizen('2026-04-10T10:00:00Z');
    engine.record(facts.shelterAdmitted({ occurredAt: '2026-04-10T10:00:00Z' }));
    engine.advanceTo('2026-06-09T06:00:00Z');
    expect(engine.alerts('A5')).toMatchObject([
      { refs: { limitDays: '90', limitDate: '2026-07-09' }, dueAt: '2026-07-09T06:00:00.000Z' },
    ]);
  });

  it('counts earlier stays of the rolling year, so the clock runs out sooner', () => {
    const engine = citizen('2025-12-31T10:00:00Z');
    engine.advanceTo('2026-01-01T10:00:00Z');
    engine.record(facts.shelterAdmitted({ stayId: 'stay-0', occurredAt: '2026-01-01T10:00:00Z' }));
    engine.advanceTo('2026-02-20T10:00:00Z');
    engine.record(facts.shelterDischarged('stay-0', '2026-02-20T10:00:00Z')); // 50 nights
    engine.advanceTo(SPEC_NOW);
    const admitted = engine.record(facts.shelterAdmitted()); // 2026-03-02: 90 - 50 = 40 nights to the warning
    expect(engine.pendingTimers().filter((t) => t.id.startsWith(`A5|${admitted}|`))).toMatchObject([
      { dueAt: '2026-04-11T06:00:00.000Z' },
    ]);
    engine.advanceTo('2026-04-11T06:00:00Z');
    expect(engine.alerts('A5')).toMatchObject([{ subjectId: 'stay-1', refs: { limitDate: '2026-05-11' } }]);
  });

  it('raises nothing when the stay ends before the warning date', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted());
    engine.advanceTo('2026-05-01T10:00:00Z');
    engine.record(facts.shelterDischarged('stay-1', '2026-05-01T10:00:00Z'));
    engine.advanceTo('2026-07-31T00:00:00Z');
    expect(engine.alerts('A5')).toEqual([]);
  });

  it('a stay recorded late, past its limit, raises at once as high, without a further step', () => {
    const engine = citizen('2026-07-05T10:00:00Z');
    engine.record(facts.shelterAdmitted());
    expect(engine.alerts('A5')).toMatchObject([
      { severity: 'high', escalation: [], dueAt: '2026-07-05T10:00:00.000Z' },
    ]);
  });

  it('resolves itself when the stay is discharged', () => {
    const engine = citizen();
    engine.record(facts.shelterAdmitted());
    engine.advanceTo('2026-06-01T10:00:00Z');
    engine.record(facts.shelterDischarged('stay-2', '2026-06-01T10:00:00Z'));
    expect(engine.alerts('A5')[0].state.status).toBe('open');
    engine.record(facts.shelterDischarged('stay-1', '2026-06-01T10:00:00Z'));
    expect(engine.alerts('A5')[0].state.status).toBe('resolved');
  });
});
