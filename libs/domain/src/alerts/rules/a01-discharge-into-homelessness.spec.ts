import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

/** SPEC_NOW: Monday 2 March 2026, 11:00 in Copenhagen. */
const citizen = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  return engine;
};

describe('A1 discharge into homelessness', () => {
  it('raises a high alert for a psychiatric discharge planned for tomorrow with no home, to the social authority and the destination shelter', () => {
    const engine = citizen();
    engine.record(facts.contactAssigned('authority-caseworker', 'staff-myn-7', 'unit-myndighed-kobenhavn'));
    const planId = engine.record(
      facts.dischargePlanned({ expectedDate: '2026-03-03', destination: 'shelter-kollegiet-sct-nicolai' }),
    );
    const [alert] = engine.alerts('A1');
    expect(alert).toMatchObject({
      ruleId: 'A1',
      category: 'health',
      subjectId: 'adm-1',
      severity: 'high',
      dueAt: '2026-03-03T07:00:00.000Z', // the discharge day at 08:00 in Copenhagen
      recipients: [
        {
          unitType: 'social-authority',
          municipality: '101',
          contact: { role: 'authority-caseworker', staffId: 'staff-myn-7' },
        },
        { unitType: 'shelter', unitId: 'shelter-kollegiet-sct-nicolai' },
      ],
      reason: { code: 'discharge-short-notice-no-home' },
    });
    expect(alert.reason.factEventIds).toContain(planId);
    expect(alert.reason.text).toBe(
      'Psychiatric discharge planned for 2026-03-03 (notice 21 h ahead) with no home; no permanent home is recorded.',
    );
  });

  it('is a warning when the notice comes 48 hours or more ahead', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned({ expectedDate: '2026-03-05' }));
    expect(engine.alerts('A1').map((a) => a.severity)).toEqual(['warning']);
  });

  it('measures the lead time from when the system learnt of the plan, not when it was made', () => {
    const engine = citizen();
    engine.record(
      facts.dischargePlanned({ expectedDate: '2026-03-05', occurredAt: '2026-02-20T09:00:00Z' }),
      {
        recordedAt: '2026-03-04T09:00:00Z',
      },
    );
    expect(engine.alerts('A1').map((a) => a.severity)).toEqual(['high']);
  });

  it('raises nothing for a citizen with a permanent home, or a plan to the own home', () => {
    const housed = citizen();
    housed.record(facts.leaseSigned('offer-1', 'permanent'));
    housed.record(facts.movedIn('offer-1'));
    housed.record(facts.dischargePlanned());
    expect(housed.alerts('A1')).toEqual([]);

    const ownHome = citizen();
    ownHome.record(facts.dischargePlanned({ housingStatus: 'own-home' }));
    ownHome.record(
      facts.dischargePlanned({ admissionId: 'adm-2', destination: 'own-home', housingStatus: 'unknown' }),
    );
    expect(ownHome.alerts()).toEqual([]);
  });

  it('treats a transitional lease or a lease not yet moved into as no permanent home', () => {
    const engine = citizen();
    engine.record(facts.leaseSigned('offer-t', 'transitional'));
    engine.record(facts.movedIn('offer-t'));
    engine.record(facts.leaseSigned('offer-p', 'permanent'));
    engine.record(facts.dischargePlanned({ housingStatus: 'unknown' }));
    expect(engine.alerts('A1')).toHaveLength(1);
  });

  it('tells a shelter about a somatic discharge only with the citizen consent to health data', () => {
    const without = citizen();
    without.record(facts.dischargePlanned({ kind: 'somatic', destination: 'shelter-mændenes-hjem' }));
    expect(without.alerts('A1')[0].recipients.map((r) => r.unitType)).toEqual(['social-authority']);

    const withConsent = citizen();
    withConsent.record(facts.consentGiven(['shelter'], ['health']));
    withConsent.record(facts.dischargePlanned({ kind: 'somatic', destination: 'shelter-mændenes-hjem' }));
    expect(withConsent.alerts('A1')[0].recipients.map((r) => r.unitType)).toEqual([
      'social-authority',
      'shelter',
    ]);
  });

  it('escalates one step when nobody acknowledges within 4 hours (high), and not when the notice was acknowledged', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned());
    engine.advanceTo('2026-03-02T13:59:00Z');
    expect(engine.alerts('A1')[0].state.severity).toBe('high');
    engine.advanceTo('2026-03-02T14:00:00Z');
    expect(engine.alerts('A1')[0]).toMatchObject({
      events: ['AlertRaised', 'AlertEscalated'],
      state: { status: 'escalated', severity: 'critical' },
    });

    const acknowledged = citizen();
    acknowledged.record(facts.dischargePlanned());
    acknowledged.record(facts.hospitalNoticeAcknowledged('adm-1', 'unit-myndighed-kobenhavn'));
    acknowledged.advanceTo('2026-03-03T12:00:00Z');
    expect(acknowledged.alerts('A1')[0]).toMatchObject({
      events: ['AlertRaised', 'AlertAcknowledged'],
      state: { status: 'acknowledged', severity: 'high' },
    });
  });

  it('a warning waits 24 hours before it escalates', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned({ expectedDate: '2026-03-09' }));
    engine.advanceTo('2026-03-03T09:59:00Z');
    expect(engine.alerts('A1')[0].state.status).toBe('open');
    engine.advanceTo('2026-03-03T10:00:00Z');
    expect(engine.alerts('A1')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('resolves itself when the citizen moves into a permanent home, not a transitional one', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned());
    engine.record(facts.leaseSigned('offer-t', 'transitional'));
    engine.record(facts.movedIn('offer-t'));
    expect(engine.alerts('A1')[0].state.status).toBe('open');
    engine.record(facts.leaseSigned('offer-p', 'permanent'));
    const movedIn = engine.record(facts.movedIn('offer-p'));
    expect(engine.alerts('A1')[0].state.status).toBe('resolved');
    expect(engine.streams.get(engine.alerts('A1')[0].alertId)?.at(-1)).toMatchObject({
      type: 'AlertResolved',
      data: { by: 'fact-arrived', resolvingEventId: movedIn, resolvingEventType: 'MovedIn' },
    });
    const ofAlert = engine
      .pendingTimers()
      .filter((t) => 'alertId' in t.payload && t.payload.alertId === engine.alerts('A1')[0].alertId);
    expect(ofAlert.map((t) => t.kind)).toEqual(['escalate', 'expire']); // they fire later as no-ops
    engine.advanceTo('2026-04-30T00:00:00Z');
    expect(engine.alerts('A1')[0].events).toEqual(['AlertRaised', 'AlertResolved']);
  });

  it('raises once per admission: the discharge after its plan adds nothing; a discharge without a plan is high', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned());
    engine.record(facts.discharged('adm-1', 'unknown', '2026-03-02T10:00:00Z'));
    expect(engine.alerts('A1')).toHaveLength(1);

    const unplanned = citizen();
    unplanned.record(facts.discharged('adm-9', 'shelter-kollegiet-sct-nicolai', '2026-03-02T08:00:00Z'));
    expect(unplanned.alerts('A1')).toMatchObject([
      {
        subjectId: 'adm-9',
        severity: 'high',
        reason: { code: 'discharged-no-home' },
        recipients: [{ unitType: 'social-authority' }, { unitType: 'shelter' }],
      },
    ]);
    const home = citizen();
    home.record(facts.discharged('adm-9', 'own-home'));
    expect(home.alerts()).toEqual([]);
  });

  it('covers a prison release that nobody scheduled, and leaves scheduled releases to A9', () => {
    const engine = citizen();
    engine.record(facts.prisonIntake('prison-1'));
    engine.record(facts.released('prison-1', '2026-03-02T08:00:00Z'));
    expect(engine.alerts('A1')).toMatchObject([
      { category: 'justice', subjectId: 'prison-1', severity: 'high' },
    ]);

    const scheduled = citizen();
    scheduled.record(facts.prisonIntake('prison-1'));
    scheduled.record(facts.releaseScheduled('prison-1', '2026-03-02', 'no-home', '2026-02-01T09:00:00Z'));
    scheduled.record(facts.released('prison-1', '2026-03-02T08:00:00Z'));
    expect(scheduled.alerts('A1')).toEqual([]);
  });

  it('expires 14 days after the discharge date if nothing happened, and never raises a stale alert', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned({ expectedDate: '2026-03-03' }));
    engine.record(facts.hospitalNoticeAcknowledged());
    engine.advanceTo('2026-03-17T22:59:00Z');
    expect(engine.alerts('A1')[0].state.status).toBe('acknowledged');
    engine.advanceTo('2026-03-17T23:00:00Z');
    expect(engine.alerts('A1')[0].state.status).toBe('expired');

    const late = citizen();
    late.now = new Date('2026-05-01T00:00:00Z'); // a rebuild or a very late report
    late.record(facts.dischargePlanned({ expectedDate: '2026-03-03' }));
    expect(late.alerts()).toEqual([]);
  });

  it('resolves every open alert when the citizen dies', () => {
    const engine = citizen();
    engine.record(facts.dischargePlanned());
    engine.record(facts.died('2026-03-02T09:30:00Z'));
    expect(engine.alerts('A1')[0].state.status).toBe('resolved');
  });

  it('is resolved when the destination shelter acknowledges the notice, and only acknowledged by anyone else', () => {
    const shelterAck = citizen();
    shelterAck.record(facts.dischargePlanned({ destination: 'shelter-kollegiet-sct-nicolai' }));
    expect(shelterAck.alerts('A1')[0].recipients).toContainEqual({
      unitType: 'shelter',
      unitId: 'shelter-kollegiet-sct-nicolai',
    });
    shelterAck.record(facts.hospitalNoticeAcknowledged('adm-1', 'shelter-kollegiet-sct-nicolai'));
    expect(shelterAck.alerts('A1')[0].state.status).toBe('resolved');

    const authorityAck = citizen();
    authorityAck.record(facts.dischargePlanned({ destination: 'shelter-kollegiet-sct-nicolai' }));
    authorityAck.record(facts.hospitalNoticeAcknowledged('adm-1', 'unit-myndighed-kobenhavn'));
    expect(authorityAck.alerts('A1')[0].state.status).toBe('acknowledged');

    const otherShelter = citizen();
    otherShelter.record(facts.dischargePlanned({ destination: 'shelter-kollegiet-sct-nicolai' }));
    otherShelter.record(facts.hospitalNoticeAcknowledged('adm-1', 'shelter-some-other'));
    expect(otherShelter.alerts('A1')[0].state.status).not.toBe('resolved');
  });
});
