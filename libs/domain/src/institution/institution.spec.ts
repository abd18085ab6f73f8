import { fold } from '../decider';
import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  admissionForMedcomEpisode,
  hospitalLegalBasis,
  InstitutionCommand,
  institutionDecider,
  InstitutionEvent,
  institutionProcess,
  institutionStreamId,
  MedcomCode,
} from './institution';

const citizenId = '8b2d4f60-1a3c-4e5f-9b7d-0c1e2f3a4b5c';
const admissionId = 'b1000000-0000-7000-8000-000000000001';
const stayId = 'c1000000-0000-7000-8000-000000000001';
const ADMITTED_AT = '2026-02-10T14:00:00.000Z';
const INTAKE_AT = '2026-01-20T09:00:00.000Z';
const LATER = '2026-02-25T10:00:00.000Z';

const admissionBase = {
  citizenId,
  admissionId,
  kind: 'psychiatric' as const,
  legalBasis: 'retssikkerhedsloven §12 c' as const,
};

const admitted = (overrides: Record<string, unknown> = {}): InstitutionEvent =>
  ({
    type: 'HospitalAdmissionRecorded',
    data: {
      ...admissionBase,
      occurredAt: ADMITTED_AT,
      medcomCode: 'STIN',
      hospitalName: 'Psykiatrisk Center København',
      ward: 'Afsnit 6202',
      ...overrides,
    },
  }) as InstitutionEvent;
const onLeave = (occurredAt = '2026-02-15T10:00:00.000Z'): InstitutionEvent => ({
  type: 'LeaveStarted',
  data: { ...admissionBase, occurredAt },
});
const discharged = (id = 'd1', occurredAt = '2026-02-20T10:00:00.000Z'): InstitutionEvent => ({
  type: 'DischargedFromHospital',
  data: { ...admissionBase, occurredAt, dischargeId: id, destination: 'own-home' },
});
const died: InstitutionEvent = {
  type: 'DiedInHospital',
  data: { ...admissionBase, occurredAt: '2026-02-20T10:00:00.000Z' },
};
const intake = (id = stayId): InstitutionEvent => ({
  type: 'PrisonIntakeRecorded',
  data: { citizenId, occurredAt: INTAKE_AT, stayId: id, institutionName: 'Statsfængslet Østjylland' },
});
const released = (releaseId = 'r1', occurredAt = '2026-02-20T08:00:00.000Z'): InstitutionEvent => ({
  type: 'ReleasedFromPrison',
  data: { citizenId, occurredAt, stayId, releaseId },
});

const at = (iso: string) => new Date(iso);
type Cmd<T extends InstitutionCommand['type']> = Extract<InstitutionCommand, { type: T }>;
const cmd = <T extends InstitutionCommand['type']>(
  type: T,
  fields: Omit<Cmd<T>, 'type' | 'citizenId' | 'occurredAt'> & Partial<Pick<Cmd<T>, 'occurredAt'>>,
): InstitutionCommand =>
  ({ type, citizenId, occurredAt: at(LATER), ...fields }) as unknown as InstitutionCommand;

const admit = (fields: Partial<Cmd<'RecordHospitalAdmission'>> = {}) =>
  cmd('RecordHospitalAdmission', {
    admissionId,
    kind: 'psychiatric',
    medcomCode: 'STIN',
    hospitalName: 'Psykiatrisk Center København',
    ward: 'Afsnit 6202',
    hasChapter16Support: true,
    occurredAt: at(ADMITTED_AT),
    ...fields,
  });
const planDischarge = (fields: Partial<Cmd<'PlanHospitalDischarge'>> = {}) =>
  cmd('PlanHospitalDischarge', {
    admissionId,
    expectedDate: '2026-02-27',
    destination: 'unit-forsorgshjemmet-roskilde',
    housingStatus: 'no-home',
    medicationNeeds: 'supervised-dispensing',
    ...fields,
  });
const intakeCmd = (fields: Partial<Cmd<'RecordPrisonIntake'>> = {}) =>
  cmd('RecordPrisonIntake', {
    stayId,
    institutionName: 'Statsfængslet Østjylland',
    occurredAt: at(INTAKE_AT),
    ...fields,
  });

const spec = specFor(institutionDecider);

describe('Institution transitions (hospital, psychiatry, prison)', () => {
  it('keeps all transitions of a citizen in one stream', () => {
    expect(institutionStreamId(citizenId)).toBe(`institution-${citizenId}`);
  });

  describe('legal basis of hospital data', () => {
    it('is retssikkerhedsloven §12 c only with chapter 16 support', () => {
      expect(hospitalLegalBasis('somatic', true)).toBe('retssikkerhedsloven §12 c');
      expect(hospitalLegalBasis('psychiatric', true)).toBe('retssikkerhedsloven §12 c');
    });
    it('is psykiatriloven §13 a-c for a psychiatric admission without support, else forvaltningsloven §28', () => {
      expect(hospitalLegalBasis('psychiatric', false)).toBe('psykiatriloven §13 a-c');
      expect(hospitalLegalBasis('somatic', false)).toBe('forvaltningsloven §28');
    });
  });

  describe('RecordHospitalAdmission', () => {
    it('records the admission (STIN) with its legal basis', () => {
      spec([]).when(admit()).then([admitted()]);
    });

    it('records an acute ambulant contact (STAA) without support under forvaltningsloven §28', () => {
      spec([])
        .when(admit({ kind: 'somatic', medcomCode: 'STAA', hasChapter16Support: false, ward: undefined }))
        .then([
          {
            type: 'HospitalAdmissionRecorded',
            data: {
              ...admissionBase,
              kind: 'somatic',
              legalBasis: 'forvaltningsloven §28',
              occurredAt: ADMITTED_AT,
              medcomCode: 'STAA',
              hospitalName: 'Psykiatrisk Center København',
            },
          },
        ]);
    });

    it('records a new admission after the previous discharge', () => {
      spec([admitted(), discharged()])
        .when(admit({ admissionId: 'b2', occurredAt: at(LATER) }))
        .then([admitted({ admissionId: 'b2', occurredAt: LATER })]);
    });

    it('is a no-op when the admission id is already recorded (a retried request)', () => {
      spec([admitted()]).when(admit()).then([]);
    });

    it('refuses a second open admission (409)', () => {
      const error = spec([admitted()])
        .when(admit({ admissionId: 'b2' }))
        .thenThrows('hospital-admission-already-open', 'conflict');
      expect(error.details).toEqual({ openAdmissionId: admissionId });
    });

    it('refuses an admission before the previous discharge (422)', () => {
      spec([admitted(), discharged()])
        .when(admit({ admissionId: 'b2', occurredAt: at('2026-02-19T10:00:00Z') }))
        .thenThrows('admission-before-previous-discharge', 'rule-violation');
    });

    it('refuses an admission after a death (409)', () => {
      spec([admitted(), died])
        .when(admit({ admissionId: 'b2' }))
        .thenThrows('citizen-died', 'conflict');
    });

    it('refuses an admission more than 5 minutes ahead (422)', () => {
      spec([])
        .when(admit({ occurredAt: new Date(SPEC_NOW.getTime() + 5 * 60_000 + 1) }))
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  describe('StartHospitalLeave / EndHospitalLeave (STOR/SLOR)', () => {
    it('starts leave for an open admission', () => {
      spec([admitted()])
        .when(
          cmd('StartHospitalLeave', {
            admissionId,
            expectedReturnDate: '2026-02-16',
            occurredAt: at('2026-02-15T10:00:00Z'),
          }),
        )
        .then([
          {
            type: 'LeaveStarted',
            data: {
              ...admissionBase,
              occurredAt: '2026-02-15T10:00:00.000Z',
              expectedReturnDate: '2026-02-16',
            },
          },
        ]);
    });

    it('ends leave', () => {
      spec([admitted(), onLeave()])
        .when(cmd('EndHospitalLeave', { admissionId }))
        .then([{ type: 'LeaveEnded', data: { ...admissionBase, occurredAt: LATER } }]);
    });

    it('refuses leave for an unknown admission (404)', () => {
      spec([])
        .when(cmd('StartHospitalLeave', { admissionId }))
        .thenThrows('hospital-admission-not-found', 'not-found');
    });

    it('refuses leave for a discharged admission (409)', () => {
      spec([admitted(), discharged()])
        .when(cmd('StartHospitalLeave', { admissionId }))
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('refuses leave while already on leave (409)', () => {
      spec([admitted(), onLeave()])
        .when(cmd('StartHospitalLeave', { admissionId }))
        .thenThrows('hospital-leave-already-started', 'conflict');
    });

    it('refuses leave before the admission (422)', () => {
      spec([admitted()])
        .when(cmd('StartHospitalLeave', { admissionId, occurredAt: at('2026-02-09T10:00:00Z') }))
        .thenThrows('leave-before-admission', 'rule-violation');
    });

    it('refuses an expected return before the leave starts (422)', () => {
      spec([admitted()])
        .when(cmd('StartHospitalLeave', { admissionId, expectedReturnDate: '2026-02-24' }))
        .thenThrows('leave-return-before-start', 'rule-violation');
    });

    it('refuses to end leave that was not started (409)', () => {
      spec([admitted()])
        .when(cmd('EndHospitalLeave', { admissionId }))
        .thenThrows('hospital-leave-not-started', 'conflict');
    });

    it('refuses to end leave for a closed admission (409)', () => {
      spec([admitted(), onLeave(), discharged()])
        .when(cmd('EndHospitalLeave', { admissionId }))
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('refuses to end leave before it started (422)', () => {
      spec([admitted(), onLeave()])
        .when(cmd('EndHospitalLeave', { admissionId, occurredAt: at('2026-02-14T10:00:00Z') }))
        .thenThrows('leave-end-before-leave-start', 'rule-violation');
    });
  });

  describe('PlanHospitalDischarge', () => {
    it('records the plan; a psychiatric plan rests on psykiatriloven §13 a-c', () => {
      spec([admitted()])
        .when(planDischarge())
        .then([
          {
            type: 'DischargePlanned',
            data: {
              ...admissionBase,
              legalBasis: 'psykiatriloven §13 a-c',
              occurredAt: LATER,
              expectedDate: '2026-02-27',
              destination: 'unit-forsorgshjemmet-roskilde',
              housingStatus: 'no-home',
              medicationNeeds: 'supervised-dispensing',
            },
          },
        ]);
    });

    it('keeps the admission basis for a somatic plan', () => {
      const [event] = institutionDecider.decide(
        planDischarge(),
        fold(institutionDecider, [admitted({ kind: 'somatic' })]),
        SPEC_NOW,
      );
      expect(event.data).toMatchObject({ kind: 'somatic', legalBasis: 'retssikkerhedsloven §12 c' });
    });

    it('may be revised while on leave', () => {
      spec([admitted(), onLeave()])
        .when(
          planDischarge({ expectedDate: '2026-03-01', destination: 'own-home', housingStatus: 'own-home' }),
        )
        .then([expect.objectContaining({ type: 'DischargePlanned' })] as InstitutionEvent[]);
    });

    it('refuses an unknown admission (404)', () => {
      spec([]).when(planDischarge()).thenThrows('hospital-admission-not-found', 'not-found');
    });

    it('refuses a closed admission (409)', () => {
      spec([admitted(), discharged()])
        .when(planDischarge())
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('refuses an expected date before the admission (422)', () => {
      spec([admitted()])
        .when(planDischarge({ expectedDate: '2026-02-09' }))
        .thenThrows('discharge-planned-before-admission', 'rule-violation');
    });
  });

  describe('RecordHospitalDischarge (SLHJ)', () => {
    it('discharges to the planned destination by default', () => {
      const plan: InstitutionEvent = {
        type: 'DischargePlanned',
        data: {
          ...admissionBase,
          occurredAt: '2026-02-18T10:00:00.000Z',
          expectedDate: '2026-02-20',
          destination: 'unit-forsorgshjemmet-roskilde',
          housingStatus: 'no-home',
          medicationNeeds: 'none',
        },
      };
      spec([admitted(), plan])
        .when(cmd('RecordHospitalDischarge', { admissionId, dischargeId: 'd1' }))
        .then([
          {
            type: 'DischargedFromHospital',
            data: {
              ...admissionBase,
              occurredAt: LATER,
              dischargeId: 'd1',
              destination: 'unit-forsorgshjemmet-roskilde',
            },
          },
        ]);
    });

    it('discharges while on leave, and to an unknown destination without a plan', () => {
      spec([admitted(), onLeave()])
        .when(cmd('RecordHospitalDischarge', { admissionId, dischargeId: 'd1' }))
        .then([
          {
            type: 'DischargedFromHospital',
            data: { ...admissionBase, occurredAt: LATER, dischargeId: 'd1', destination: 'unknown' },
          },
        ]);
      const state = fold(institutionDecider, [admitted(), onLeave(), discharged()]);
      expect(state.openAdmissionId).toBeNull();
      expect(state.admissions[admissionId].status).toBe('discharged');
    });

    it('is a no-op when the same discharge is recorded again (a retried request)', () => {
      spec([admitted(), discharged('d1')])
        .when(cmd('RecordHospitalDischarge', { admissionId, dischargeId: 'd1' }))
        .then([]);
    });

    it('refuses an unknown admission (404)', () => {
      spec([])
        .when(cmd('RecordHospitalDischarge', { admissionId, dischargeId: 'd1' }))
        .thenThrows('hospital-admission-not-found', 'not-found');
    });

    it('refuses a second discharge (409)', () => {
      spec([admitted(), discharged('d1')])
        .when(cmd('RecordHospitalDischarge', { admissionId, dischargeId: 'd2' }))
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('refuses a discharge before the admission (422)', () => {
      spec([admitted()])
        .when(
          cmd('RecordHospitalDischarge', {
            admissionId,
            dischargeId: 'd1',
            occurredAt: at('2026-02-01T00:00:00Z'),
          }),
        )
        .thenThrows('discharge-before-admission', 'rule-violation');
    });
  });

  describe('RecordDeathInHospital (MORS)', () => {
    it('records the death and closes the admission', () => {
      spec([admitted()])
        .when(cmd('RecordDeathInHospital', { admissionId, occurredAt: at('2026-02-20T10:00:00Z') }))
        .then([died]);
      const state = fold(institutionDecider, [admitted(), died]);
      expect(state).toMatchObject({ died: true, openAdmissionId: null });
    });

    it('refuses an unknown admission (404)', () => {
      spec([])
        .when(cmd('RecordDeathInHospital', { admissionId }))
        .thenThrows('hospital-admission-not-found', 'not-found');
    });

    it('refuses a closed admission (409)', () => {
      spec([admitted(), discharged()])
        .when(cmd('RecordDeathInHospital', { admissionId }))
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('refuses a death before the admission (422)', () => {
      spec([admitted()])
        .when(cmd('RecordDeathInHospital', { admissionId, occurredAt: at('2026-02-01T00:00:00Z') }))
        .thenThrows('death-before-admission', 'rule-violation');
    });
  });

  describe('RecordPrisonIntake', () => {
    it('records the intake', () => {
      spec([]).when(intakeCmd()).then([intake()]);
    });

    it('may overlap a hospital admission (a prisoner admitted to psychiatry)', () => {
      spec([admitted()]).when(intakeCmd()).then([intake()]);
    });

    it('is a no-op when the stay id is already recorded (a retried request)', () => {
      spec([intake()]).when(intakeCmd()).then([]);
    });

    it('refuses a second open stay (409)', () => {
      spec([intake()])
        .when(intakeCmd({ stayId: 'c2' }))
        .thenThrows('prison-stay-already-open', 'conflict');
    });

    it('refuses an intake before the previous release (422)', () => {
      spec([intake(), released()])
        .when(intakeCmd({ stayId: 'c2', occurredAt: at('2026-02-19T00:00:00Z') }))
        .thenThrows('intake-before-previous-release', 'rule-violation');
    });

    it('refuses an intake after a death (409)', () => {
      spec([admitted(), died]).when(intakeCmd()).thenThrows('citizen-died', 'conflict');
    });
  });

  describe('SchedulePrisonRelease', () => {
    it('records the expected release date and housing status', () => {
      spec([intake()])
        .when(
          cmd('SchedulePrisonRelease', {
            stayId,
            expectedReleaseDate: '2026-03-27',
            housingStatus: 'no-home',
          }),
        )
        .then([
          {
            type: 'ReleaseScheduled',
            data: {
              citizenId,
              occurredAt: LATER,
              stayId,
              expectedReleaseDate: '2026-03-27',
              housingStatus: 'no-home',
            },
          },
        ]);
    });

    it('refuses an unknown stay (404)', () => {
      spec([])
        .when(
          cmd('SchedulePrisonRelease', {
            stayId,
            expectedReleaseDate: '2026-03-27',
            housingStatus: 'no-home',
          }),
        )
        .thenThrows('prison-stay-not-found', 'not-found');
    });

    it('refuses a released stay (409)', () => {
      spec([intake(), released()])
        .when(
          cmd('SchedulePrisonRelease', {
            stayId,
            expectedReleaseDate: '2026-03-27',
            housingStatus: 'no-home',
          }),
        )
        .thenThrows('prison-stay-not-open', 'conflict');
    });

    it('refuses a release date before the intake (422)', () => {
      spec([intake()])
        .when(
          cmd('SchedulePrisonRelease', {
            stayId,
            expectedReleaseDate: '2026-01-19',
            housingStatus: 'unknown',
          }),
        )
        .thenThrows('release-scheduled-before-intake', 'rule-violation');
    });
  });

  describe('RecordPrisonRelease', () => {
    it('releases from an open stay', () => {
      spec([intake()])
        .when(cmd('RecordPrisonRelease', { stayId, releaseId: 'r1', occurredAt: at('2026-02-20T08:00:00Z') }))
        .then([released()]);
    });

    it('is a no-op when the same release is recorded again (a retried request)', () => {
      spec([intake(), released('r1')])
        .when(cmd('RecordPrisonRelease', { stayId, releaseId: 'r1' }))
        .then([]);
    });

    it('refuses an unknown stay (404)', () => {
      spec([])
        .when(cmd('RecordPrisonRelease', { stayId, releaseId: 'r1' }))
        .thenThrows('prison-stay-not-found', 'not-found');
    });

    it('refuses a second release (409)', () => {
      spec([intake(), released('r1')])
        .when(cmd('RecordPrisonRelease', { stayId, releaseId: 'r2' }))
        .thenThrows('prison-stay-not-open', 'conflict');
    });

    it('refuses a release before the intake (422)', () => {
      spec([intake()])
        .when(cmd('RecordPrisonRelease', { stayId, releaseId: 'r1', occurredAt: at('2026-01-01T00:00:00Z') }))
        .thenThrows('release-before-intake', 'rule-violation');
    });
  });

  describe('AcknowledgeNotice', () => {
    const ack = (noticeId: string, unit = 'unit-forsorgshjemmet-roskilde') =>
      cmd('AcknowledgeNotice', { noticeId, acknowledgingUnitId: unit });

    it('acknowledges a hospital notice as health data with the admission basis', () => {
      spec([admitted()])
        .when(ack(admissionId))
        .then([
          {
            type: 'HospitalNoticeAcknowledged',
            data: {
              citizenId,
              occurredAt: LATER,
              noticeId: admissionId,
              acknowledgingUnitId: 'unit-forsorgshjemmet-roskilde',
              legalBasis: 'retssikkerhedsloven §12 c',
            },
          },
        ]);
      expect(institutionProcess.events.HospitalNoticeAcknowledged.category).toBe('health');
    });

    it('acknowledges a prison notice as justice data', () => {
      spec([intake()])
        .when(ack(stayId, 'unit-socialforvaltning-aarhus'))
        .then([
          {
            type: 'PrisonNoticeAcknowledged',
            data: {
              citizenId,
              occurredAt: LATER,
              noticeId: stayId,
              acknowledgingUnitId: 'unit-socialforvaltning-aarhus',
            },
          },
        ]);
      expect(institutionProcess.events.PrisonNoticeAcknowledged.category).toBe('justice');
    });

    it('lets several units acknowledge the same notice, and a closed one', () => {
      const first: InstitutionEvent = {
        type: 'HospitalNoticeAcknowledged',
        data: {
          citizenId,
          occurredAt: LATER,
          noticeId: admissionId,
          acknowledgingUnitId: 'unit-forsorgshjemmet-roskilde',
          legalBasis: 'retssikkerhedsloven §12 c',
        },
      };
      spec([admitted(), first, discharged()])
        .when(ack(admissionId, 'unit-cti-team-kobenhavn'))
        .then([expect.objectContaining({ type: 'HospitalNoticeAcknowledged' })] as InstitutionEvent[]);
    });

    it('refuses an unknown notice (404)', () => {
      spec([admitted()]).when(ack('nope')).thenThrows('notice-not-found', 'not-found');
    });

    it('refuses a second acknowledgement by the same unit (409)', () => {
      const first: InstitutionEvent = {
        type: 'PrisonNoticeAcknowledged',
        data: {
          citizenId,
          occurredAt: LATER,
          noticeId: stayId,
          acknowledgingUnitId: 'unit-forsorgshjemmet-roskilde',
        },
      };
      spec([intake(), first]).when(ack(stayId)).thenThrows('notice-already-acknowledged', 'conflict');
    });

    it('refuses an acknowledgement before the notice happened (422)', () => {
      spec([admitted()])
        .when(
          cmd('AcknowledgeNotice', {
            noticeId: admissionId,
            acknowledgingUnitId: 'unit-x',
            occurredAt: at('2026-02-01T00:00:00Z'),
          }),
        )
        .thenThrows('acknowledged-before-notice', 'rule-violation');
    });
  });

  describe('process definition and summaries', () => {
    it('puts hospital events in health and prison events in justice under retsplejeloven §115', () => {
      const events = institutionProcess.events;
      for (const type of [
        'HospitalAdmissionRecorded',
        'LeaveStarted',
        'LeaveEnded',
        'DischargePlanned',
        'DischargedFromHospital',
        'DiedInHospital',
      ] as const) {
        expect(events[type]).toEqual({ schemaVersion: 1, category: 'health' });
      }
      for (const type of ['PrisonIntakeRecorded', 'ReleaseScheduled', 'ReleasedFromPrison'] as const) {
        expect(events[type]).toEqual({
          schemaVersion: 1,
          category: 'justice',
          legalBasis: 'retsplejeloven §115',
        });
      }
    });

    it('summarises without wards, diagnoses or names of people', () => {
      const plan: InstitutionEvent = {
        type: 'DischargePlanned',
        data: {
          ...admissionBase,
          occurredAt: '2026-02-25T10:00:00.000Z',
          expectedDate: '2026-02-27',
          destination: 'unit-forsorgshjemmet-roskilde',
          housingStatus: 'no-home',
          medicationNeeds: 'supervised-dispensing',
        },
      };
      const schedule: InstitutionEvent = {
        type: 'ReleaseScheduled',
        data: {
          citizenId,
          occurredAt: '2026-03-02T10:00:00.000Z',
          stayId,
          expectedReleaseDate: '2026-03-30',
          housingStatus: 'no-home',
        },
      };
      const lines = [
        admitted(),
        admitted({ kind: 'somatic', medcomCode: 'STAA', hospitalName: 'Aarhus Universitetshospital' }),
        onLeave(),
        { type: 'LeaveEnded', data: { ...admissionBase, occurredAt: LATER } } as InstitutionEvent,
        plan,
        discharged(),
        died,
        intake(),
        schedule,
        released(),
      ].map((e) => institutionProcess.summarize(e));
      expect(lines).toEqual([
        'Psychiatric admission (STIN) at Psykiatrisk Center København',
        'Hospital acute ambulant contact (STAA) at Aarhus Universitetshospital',
        'Psychiatric leave started (STOR)',
        'Psychiatric leave ended (SLOR)',
        'Psychiatric discharge planned for 2026-02-27 (in 2 days) to unit-forsorgshjemmet-roskilde; no home; medication needs: supervised-dispensing',
        'Psychiatric discharge (SLHJ) to own home',
        'Died during psychiatric admission (MORS)',
        'Prison intake at Statsfængslet Østjylland',
        'Prison release scheduled for 2026-03-30 (in 28 days); no home',
        'Released from prison',
      ]);
      expect(lines.join(' ')).not.toContain('6202');
    });
  });
  describe('MedCom HospitalNotification messages (idempotency, RE_xx revisions, AN_xx cancellations)', () => {
    const EPISODE = 'https://sor2.sum.dsdn.dk/#id=265161000016000|bd481c38-a921-11ed-afa1-0242ac120002';
    const fromMedcom = (code: MedcomCode, messageId: string) => ({ medcom: { code, messageId } });
    const medcomAdmitted = admitted({ medcomMessageId: 'm-stin', medcomEpisodeId: EPISODE });
    const state = (events: InstitutionEvent[]) => fold(institutionDecider, events);

    it('records the message id and episode of care with the admission and finds the admission by it', () => {
      spec([])
        .when(admit({ ...fromMedcom('STIN', 'm-stin'), medcomEpisodeId: EPISODE }))
        .then([medcomAdmitted]);
      const s = state([medcomAdmitted]);
      expect(admissionForMedcomEpisode(s, EPISODE)?.admissionId).toBe(admissionId);
      expect(admissionForMedcomEpisode(s, 'other')).toBeNull();
      expect(s.medcomMessageIds).toEqual({ 'm-stin': true });
    });

    it('records nothing for a message id already recorded, whatever the command', () => {
      spec([medcomAdmitted])
        .when(cmd('StartHospitalLeave', { admissionId, ...fromMedcom('STOR', 'm-stin') } as never))
        .then([]);
    });

    it('carries medcomCode and the message id on later facts (STOR)', () => {
      spec([medcomAdmitted])
        .when(cmd('StartHospitalLeave', { admissionId, ...fromMedcom('STOR', 'm-stor') } as never))
        .then([
          {
            type: 'LeaveStarted',
            data: { ...admissionBase, occurredAt: LATER, medcomCode: 'STOR', medcomMessageId: 'm-stor' },
          },
        ]);
    });

    it('RE_STIN corrects the admission time; later rules use the corrected time', () => {
      const revised: InstitutionEvent = {
        type: 'HospitalNoticeRevised',
        data: {
          ...admissionBase,
          occurredAt: LATER,
          medcomCode: 'RE_STIN',
          medcomMessageId: 'm-re',
          revisedCode: 'STIN',
          correctedOccurredAt: '2026-02-12T08:00:00.000Z',
          revisedMessageId: 'm-stin',
        },
      };
      spec([medcomAdmitted])
        .when(
          cmd('ReviseHospitalNotice', {
            admissionId,
            medcom: { code: 'RE_STIN', messageId: 'm-re' },
            correctedOccurredAt: at('2026-02-12T08:00:00Z'),
            revisedMessageId: 'm-stin',
          }),
        )
        .then([revised]);
      expect(state([medcomAdmitted, revised]).admissions[admissionId].admittedAt).toBe(
        '2026-02-12T08:00:00.000Z',
      );
      spec([medcomAdmitted, revised])
        .when(cmd('StartHospitalLeave', { admissionId, occurredAt: at('2026-02-11T08:00:00Z') }))
        .thenThrows('leave-before-admission', 'rule-violation');
    });

    it('refuses a revision that moves the admission after its discharge (422)', () => {
      spec([medcomAdmitted, discharged()])
        .when(
          cmd('ReviseHospitalNotice', {
            admissionId,
            medcom: { code: 'RE_STIN', messageId: 'm-re' },
            correctedOccurredAt: at('2026-02-21T08:00:00Z'),
          }),
        )
        .thenThrows('admission-after-later-notice', 'rule-violation');
    });

    it('refuses to revise a discharge that was never recorded (409)', () => {
      spec([medcomAdmitted])
        .when(
          cmd('ReviseHospitalNotice', {
            admissionId,
            medcom: { code: 'RE_SLHJ', messageId: 'm-re' },
            correctedOccurredAt: at('2026-02-21T08:00:00Z'),
          }),
        )
        .thenThrows('medcom-notice-not-applicable', 'conflict');
    });

    it('AN_STIN retracts the admission: no longer open, and a new admission is accepted', () => {
      const cancelled: InstitutionEvent = {
        type: 'HospitalNoticeCancelled',
        data: {
          ...admissionBase,
          occurredAt: LATER,
          medcomCode: 'AN_STIN',
          medcomMessageId: 'm-an',
          cancelledCode: 'STIN',
        },
      };
      spec([medcomAdmitted])
        .when(cmd('CancelHospitalNotice', { admissionId, medcom: { code: 'AN_STIN', messageId: 'm-an' } }))
        .then([cancelled]);
      const s = state([medcomAdmitted, cancelled]);
      expect(s.openAdmissionId).toBeNull();
      expect(s.admissions[admissionId].status).toBe('cancelled');
      spec([medcomAdmitted, cancelled])
        .when(admit({ admissionId: 'b2', occurredAt: at(LATER) }))
        .then([admitted({ admissionId: 'b2', occurredAt: LATER })]);
      spec([medcomAdmitted, cancelled])
        .when(cmd('EndHospitalLeave', { admissionId }))
        .thenThrows('hospital-admission-not-open', 'conflict');
    });

    it('AN_STOR, AN_SLOR, AN_SLHJ and AN_MORS revert their step', () => {
      const cancel = (code: string): InstitutionEvent =>
        ({
          type: 'HospitalNoticeCancelled',
          data: { ...admissionBase, occurredAt: LATER, medcomCode: `AN_${code}`, cancelledCode: code },
        }) as InstitutionEvent;
      const ended: InstitutionEvent = {
        type: 'LeaveEnded',
        data: { ...admissionBase, occurredAt: '2026-02-16T10:00:00.000Z' },
      };
      expect(state([admitted(), onLeave(), cancel('STOR')]).admissions[admissionId]).toMatchObject({
        status: 'admitted',
        leaveStartedAt: null,
      });
      expect(state([admitted(), onLeave(), ended, cancel('SLOR')]).admissions[admissionId]).toMatchObject({
        status: 'on-leave',
        leaveStartedAt: '2026-02-15T10:00:00.000Z',
      });
      const reopened = state([admitted(), discharged(), cancel('SLHJ')]);
      expect(reopened.openAdmissionId).toBe(admissionId);
      expect(reopened.admissions[admissionId]).toMatchObject({ status: 'admitted', closedAt: null });
      const alive = state([admitted(), died, cancel('MORS')]);
      expect(alive.died).toBe(false);
      expect(alive.openAdmissionId).toBe(admissionId);
    });

    it('refuses to cancel a leave start when the patient is not on leave (409)', () => {
      spec([medcomAdmitted])
        .when(cmd('CancelHospitalNotice', { admissionId, medcom: { code: 'AN_STOR', messageId: 'm-an' } }))
        .thenThrows('medcom-notice-not-applicable', 'conflict');
    });

    it('refuses to reopen a discharged admission while another admission is open (409)', () => {
      spec([admitted(), discharged(), admitted({ admissionId: 'b2', occurredAt: LATER })])
        .when(cmd('CancelHospitalNotice', { admissionId, medcom: { code: 'AN_SLHJ', messageId: 'm-an' } }))
        .thenThrows('hospital-admission-already-open', 'conflict');
    });

    it('summarizes revisions and cancellations without personal data', () => {
      expect(
        institutionProcess.summarize({
          type: 'HospitalNoticeCancelled',
          data: { ...admissionBase, occurredAt: LATER, medcomCode: 'AN_STIN', cancelledCode: 'STIN' },
        }),
      ).toBe('Psychiatric notice cancelled (AN_STIN): the STIN notice was sent in error and is retracted');
    });
  });
});
