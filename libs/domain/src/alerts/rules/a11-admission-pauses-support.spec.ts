import { SPEC_NOW } from '../../testing/given-when-then';
import { facts } from '../testing/fact-builders';
import { InMemoryAlertEngine } from '../testing/in-memory-alert-engine';

const supported = (start = true) => {
  const engine = new InMemoryAlertEngine('c-1', SPEC_NOW);
  engine.record(facts.registered('101'));
  engine.record(facts.contactAssigned('support-worker', 'staff-sw-3', 'unit-cti-team-kobenhavn'));
  engine.record(facts.supportDecided('support-1', 'cti', 'unit-cti-team-kobenhavn'));
  if (start) engine.record(facts.supportStarted('support-1', 'cti'));
  return engine;
};

describe('A11 admission pauses support', () => {
  it('tells the support provider (the named worker) about a psychiatric admission of a supported citizen', () => {
    const engine = supported();
    engine.record(facts.hospitalAdmitted('adm-1', 'psychiatric', '2026-03-02T08:00:00Z'));
    expect(engine.alerts('A11')).toMatchObject([
      {
        category: 'health',
        subjectId: 'adm-1',
        severity: 'info',
        escalation: [],
        recipients: [
          {
            unitType: 'support-provider',
            unitId: 'unit-cti-team-kobenhavn',
            contact: { staffId: 'staff-sw-3' },
          },
        ],
        reason: { code: 'admission-with-running-support' },
      },
    ]);
  });

  it('covers a prison intake as justice data', () => {
    const engine = supported();
    engine.record(facts.prisonIntake('prison-1', '2026-03-02T08:00:00Z'));
    expect(engine.alerts('A11')).toMatchObject([{ category: 'justice', subjectId: 'prison-1' }]);
  });

  it('raises nothing when support is only decided, or has ended', () => {
    const decided = supported(false);
    decided.record(facts.hospitalAdmitted());
    expect(decided.alerts('A11')).toEqual([]);
    const ended = supported();
    ended.record(facts.supportEnded('support-1'));
    ended.record(facts.hospitalAdmitted());
    expect(ended.alerts('A11')).toEqual([]);
  });

  it('resolves itself when the notice is acknowledged or the citizen is discharged', () => {
    const engine = supported();
    engine.record(facts.hospitalAdmitted('adm-1'));
    engine.record(facts.hospitalNoticeAcknowledged('adm-other'));
    expect(engine.alerts('A11')[0].state.status).toBe('open');
    engine.record(facts.hospitalNoticeAcknowledged('adm-1', 'unit-cti-team-kobenhavn'));
    expect(engine.alerts('A11')[0].state.status).toBe('resolved');

    const discharged = supported();
    discharged.record(facts.hospitalAdmitted('adm-1'));
    discharged.record(facts.discharged('adm-1', 'own-home', '2026-03-02T09:00:00Z'));
    expect(discharged.alerts('A11')[0].state.status).toBe('resolved');
  });
  it('resolves itself when the admission is retracted (MedCom AN_STIN), not when only a leave is', () => {
    const cancel = (code: 'STIN' | 'STOR', admissionId = 'adm-1') => ({
      type: 'HospitalNoticeCancelled' as const,
      data: {
        citizenId: 'c-1',
        occurredAt: '2026-03-02T09:00:00.000Z',
        admissionId,
        kind: 'psychiatric' as const,
        legalBasis: 'psykiatriloven §13 a-c' as const,
        medcomCode: `AN_${code}` as const,
        cancelledCode: code,
      },
    });
    const engine = supported();
    engine.record(facts.hospitalAdmitted('adm-1'));
    engine.record(cancel('STOR'));
    engine.record(cancel('STIN', 'adm-other'));
    expect(engine.alerts('A11')[0].state.status).toBe('open');
    engine.record(cancel('STIN'));
    expect(engine.alerts('A11')[0].state.status).toBe('resolved');
  });
});
