import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const inPrison = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.prisonIntake('prison-1'));
  return engine;
};

describe('A9 release without housing', () => {
  it('raises at once for a release within 28 days, to the social authority, due on the release morning', () => {
    const engine = inPrison();
    const scheduled = engine.record(facts.releaseScheduled('prison-1', '2026-03-20'));
    expect(engine.alerts('A9')).toMatchObject([
      {
        category: 'justice',
        subjectId: 'prison-1',
        severity: 'warning',
        recipients: [{ unitType: 'social-authority', municipality: '101' }],
        dueAt: '2026-03-20T07:00:00.000Z',
        reason: { code: 'release-scheduled-no-home' },
      },
    ]);
    expect(engine.alerts('A9')[0].reason.factEventIds).toContain(scheduled);
  });

  it('defers a release further ahead and raises it 28 days before, with the facts as they are then', () => {
    const engine = inPrison();
    engine.record(facts.releaseScheduled('prison-1', '2026-05-15'));
    expect(engine.alerts('A9')).toEqual([]);
    expect(engine.pendingTimers()).toMatchObject([{ kind: 'raise', dueAt: '2026-04-17T06:00:00.000Z' }]);
    engine.advanceTo('2026-04-17T05:59:00Z');
    expect(engine.alerts('A9')).toEqual([]);
    engine.advanceTo('2026-04-17T06:00:00Z');
    expect(engine.alerts('A9')).toMatchObject([{ severity: 'warning', dueAt: '2026-05-15T06:00:00.000Z' }]);
  });

  it('a deferred check raises nothing when a home was found or the release was rescheduled meanwhile', () => {
    const housed = inPrison();
    housed.record(facts.releaseScheduled('prison-1', '2026-05-15'));
    housed.record(facts.leaseSigned('offer-1', 'permanent', '2026-03-10T09:00:00Z'));
    housed.record(facts.movedIn('offer-1', '2026-03-12T09:00:00Z'));
    housed.advanceTo('2026-04-20T00:00:00Z');
    expect(housed.alerts('A9')).toEqual([]);

    const moved = inPrison();
    moved.record(facts.releaseScheduled('prison-1', '2026-05-15'));
    moved.record(facts.releaseScheduled('prison-1', '2026-06-30'));
    moved.advanceTo('2026-04-20T00:00:00Z');
    expect(moved.alerts('A9')).toEqual([]);
    moved.advanceTo('2026-06-02T06:00:00Z');
    expect(moved.alerts('A9')).toMatchObject([{ refs: { expectedReleaseDate: '2026-06-30' } }]);
  });

  it('raises nothing for a release to the own home, or for a citizen with a permanent home', () => {
    const own = inPrison();
    own.record(facts.releaseScheduled('prison-1', '2026-03-20', 'own-home'));
    expect(own.alerts('A9')).toEqual([]);
    const housed = inPrison();
    housed.record(facts.leaseSigned('offer-1', 'permanent', '2025-10-01T09:00:00Z'));
    housed.record(facts.movedIn('offer-1', '2025-10-02T09:00:00Z'));
    housed.record(facts.releaseScheduled('prison-1', '2026-03-20'));
    expect(housed.alerts('A9')).toEqual([]);
  });

  it('escalates at the release date, and resolves itself when a permanent home is moved into', () => {
    const engine = inPrison();
    engine.record(facts.releaseScheduled('prison-1', '2026-03-20'));
    engine.advanceTo('2026-03-20T07:00:00Z');
    expect(engine.alerts('A9')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
    engine.record(facts.leaseSigned('offer-1', 'permanent', '2026-03-20T09:00:00Z'));
    engine.record(facts.movedIn('offer-1', '2026-03-20T10:00:00Z'));
    expect(engine.alerts('A9')[0].state.status).toBe('resolved');
  });

  it('replaces its alert when the release is rescheduled', () => {
    const engine = inPrison();
    engine.record(facts.releaseScheduled('prison-1', '2026-03-20'));
    engine.record(facts.releaseScheduled('prison-1', '2026-03-20', 'unknown', '2026-03-02T09:10:00Z'));
    expect(engine.alerts('A9')).toHaveLength(1);
    engine.record(facts.releaseScheduled('prison-1', '2026-03-25'));
    expect(engine.alerts('A9').map((a) => [a.refs.expectedReleaseDate, a.state.status])).toEqual([
      ['2026-03-20', 'resolved'],
      ['2026-03-25', 'open'],
    ]);
  });
});
