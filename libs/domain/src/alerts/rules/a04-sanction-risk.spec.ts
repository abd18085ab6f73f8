import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const citizen = () => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  return engine;
};

/** Rehoused on 15 January 2026 with CTI support and named contacts. */
const rehousedWithSupport = () => {
  const engine = citizen();
  engine.record(facts.contactAssigned('authority-caseworker', 'staff-myn-7', 'unit-myndighed-kobenhavn'));
  engine.record(facts.contactAssigned('support-worker', 'staff-sw-3', 'unit-cti-team-kobenhavn'));
  engine.record(facts.jobcentreCaseworkerAssigned());
  engine.record(facts.leaseSigned('offer-1', 'permanent', '2026-01-10T09:00:00Z'));
  engine.record(facts.movedIn('offer-1', '2026-01-15T12:00:00Z'));
  engine.record(facts.supportDecided('support-1', 'cti', 'unit-cti-team-kobenhavn', '2026-01-05T10:00:00Z'));
  engine.record(facts.supportStarted('support-1', 'cti', '2026-01-12T09:00:00Z'));
  return engine;
};

describe('A4 sanction risk for a rehoused or Housing First citizen', () => {
  it('sends a sanction warning to the named support worker, the social authority and, with the contact channel, the jobcentre', () => {
    const engine = rehousedWithSupport();
    const warning = engine.record(facts.sanctionWarning('warning-1', '2026-03-12'));
    const [alert] = engine.alerts('A4');
    expect(alert).toMatchObject({
      category: 'employment',
      subjectId: 'warning-1',
      severity: 'warning',
      dueAt: '2026-03-11T23:00:00.000Z', // before the hearing deadline's day begins
      recipients: [
        {
          unitType: 'support-provider',
          unitId: 'unit-cti-team-kobenhavn',
          contact: { role: 'support-worker', staffId: 'staff-sw-3' },
        },
        { unitType: 'social-authority', municipality: '101', contact: { staffId: 'staff-myn-7' } },
        {
          unitType: 'jobcentre',
          unitId: 'unit-jobcenter-kbh-nord',
          contact: { role: 'jobcentre-caseworker', staffId: 'staff-jc-42' },
        },
      ],
      contactChannels: [
        {
          role: 'support-worker',
          unitId: 'unit-cti-team-kobenhavn',
          staffId: 'staff-sw-3',
          channel: { kind: 'work-phone', value: '+45 33 66 33 66' },
        },
      ],
      reason: { code: 'sanction-warning-rehoused-citizen' },
    });
    expect(alert.reason.factEventIds[0]).toBe(warning);
    expect(alert.reason.text).toBe(
      'Sanction warning (missed-meeting) with hearing deadline 2026-03-12, extended hearing for a citizen who moved in on 2026-01-15, has serviceloven §85a support.',
    );
  });

  it('raises nothing for a citizen rehoused more than 12 months ago, without support and not in a shelter', () => {
    const engine = citizen();
    engine.record(facts.leaseSigned('offer-1', 'permanent', '2024-12-20T09:00:00Z'));
    engine.record(facts.movedIn('offer-1', '2025-02-28T12:00:00Z'));
    engine.record(facts.supportDecided('support-1', 'cti')); // decided, never started
    engine.record(facts.supportDecided('support-2', 'section-85'));
    engine.record(facts.supportStarted('support-2', 'section-85'));
    engine.record(facts.supportEnded('support-2'));
    engine.record(facts.sanctionWarning());
    expect(engine.alerts('A4')).toEqual([]);
  });

  it('counts a move-in exactly 12 months back, §85 support, and a shelter stay', () => {
    const year = citizen();
    year.record(facts.leaseSigned('offer-1', 'permanent', '2025-02-20T09:00:00Z'));
    year.record(facts.movedIn('offer-1', '2025-03-02T12:00:00Z'));
    year.record(facts.sanctionWarning());
    expect(year.alerts('A4')).toHaveLength(1);

    const bostotte = citizen();
    bostotte.record(facts.supportDecided('support-2', 'section-85', 'unit-bostotte-amager'));
    bostotte.record(facts.supportStarted('support-2', 'section-85'));
    bostotte.record(facts.sanctionRisk());
    expect(bostotte.alerts('A4')[0].recipients.map((r) => r.unitId ?? r.unitType)).toEqual([
      'unit-bostotte-amager',
      'social-authority',
      'jobcentre',
    ]);

    const shelter = citizen();
    shelter.record(facts.shelterAdmitted({ occurredAt: '2026-02-01T20:00:00Z' }));
    shelter.record(facts.sanctionWarning());
    expect(shelter.alerts('A4')[0]).toMatchObject({
      recipients: [{ unitType: 'social-authority' }, { unitType: 'jobcentre', municipality: '101' }],
      contactChannels: [{ role: 'shelter', unitId: 'shelter-kollegiet-sct-nicolai' }],
    });
  });

  it('escalates to high when nobody acknowledges within one working day, not when acknowledged', () => {
    const engine = rehousedWithSupport();
    engine.record(facts.sanctionWarning());
    const alertId = engine.alerts('A4')[0].alertId;
    engine.advanceTo('2026-03-03T09:59:00Z');
    expect(engine.state(alertId).status).toBe('open');
    engine.advanceTo('2026-03-03T10:00:00Z');
    expect(engine.state(alertId)).toMatchObject({ status: 'escalated', severity: 'high' });

    const acknowledged = rehousedWithSupport();
    acknowledged.record(facts.sanctionWarning());
    const id = acknowledged.alerts('A4')[0].alertId;
    acknowledged.command({
      type: 'AcknowledgeAlert',
      alertId: id,
      occurredAt: SPEC_NOW,
      by: { unitType: 'support-provider', unitId: 'unit-cti-team-kobenhavn' },
      via: 'inbox',
    });
    acknowledged.advanceTo('2026-03-04T10:00:00Z');
    expect(acknowledged.state(id)).toMatchObject({ status: 'acknowledged', severity: 'warning' });
  });

  it('resolves itself when the citizen is reached on the warning, not on a failed attempt', () => {
    const engine = rehousedWithSupport();
    engine.record(facts.sanctionWarning());
    engine.record(facts.personalContactAttempted('warning-1', 'not-reached'));
    expect(engine.alerts('A4')[0].state.status).toBe('open');
    engine.record(facts.personalContactAttempted('warning-1', 'reached'));
    expect(engine.alerts('A4')[0].state.status).toBe('resolved');
  });

  it('escalates when the sanction is imposed anyway', () => {
    const engine = rehousedWithSupport();
    engine.record(facts.sanctionWarning());
    engine.record(facts.supportDecided('support-9', 'section-85')); // unrelated facts change nothing
    engine.record(facts.sanctionImposed('warning-1', '2026-03-02T09:30:00Z'));
    expect(engine.alerts('A4')[0].state).toMatchObject({ status: 'escalated', severity: 'high' });
  });

  it('a risk flag raises an alert due in 5 working days, which the following warning replaces', () => {
    const engine = rehousedWithSupport();
    engine.record(facts.sanctionRisk());
    expect(engine.alerts('A4')).toMatchObject([
      {
        subjectId: 'sanction-risk',
        dueAt: '2026-03-09T10:00:00.000Z',
        reason: { code: 'sanction-risk-rehoused-citizen' },
      },
    ]);
    engine.record(facts.sanctionRisk('2026-03-02T09:10:00Z')); // still open: no second alert
    expect(engine.alerts('A4')).toHaveLength(1);
    engine.record(facts.sanctionWarning());
    expect(engine.alerts('A4').map((a) => [a.subjectId, a.state.status])).toEqual([
      ['sanction-risk', 'resolved'],
      ['warning-1', 'open'],
    ]);
  });
});
