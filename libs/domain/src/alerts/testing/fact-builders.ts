import type { FactEvent } from '../facts';

/**
 * Facts of one citizen for alert specs, with realistic defaults and only the fields a spec varies as options.
 * Every builder returns a fully typed event of the catalogue, so a change of an event's shape breaks the specs.
 */
export const CITIZEN = '0193a4c2-0000-7000-8000-00000000c001';
const d = (iso: string) => new Date(iso).toISOString();
type Of<T extends FactEvent['type']> = Extract<FactEvent, { type: T }>;

export const facts = {
  registered: (handlekommune = '101', occurredAt = '2026-01-05T09:00:00Z'): Of<'CitizenRegistered'> => ({
    type: 'CitizenRegistered',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      handlekommune,
      hasCpr: true,
      sealedPersonalData: 'v1.x.y.z',
    },
  }),
  contactAssigned: (
    role: Of<'ContactAssigned'>['data']['role'],
    staffId: string,
    unitId: string,
    occurredAt = '2026-01-06T09:00:00Z',
  ): Of<'ContactAssigned'> => ({
    type: 'ContactAssigned',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      role,
      contact: { staffId, unitId, channel: { kind: 'work-phone', value: '+45 33 66 33 66' } },
    },
  }),
  consentGiven: (
    recipientUnitTypes: Of<'ConsentGiven'>['data']['recipientUnitTypes'],
    categories: Of<'ConsentGiven'>['data']['categories'],
    occurredAt = '2026-01-06T09:00:00Z',
  ): Of<'ConsentGiven'> => ({
    type: 'ConsentGiven',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      consentId: 'consent-1',
      purpose: 'housing-first-coordination',
      recipientUnitIds: [],
      recipientUnitTypes,
      categories,
      legalTextRef: 'kbh-samtykke-hf-2025-v2',
      givenVia: 'written',
    },
  }),
  contactUnassigned: (
    role: Of<'ContactUnassigned'>['data']['role'],
    staffId: string,
    unitId: string,
    occurredAt = '2026-03-06T09:00:00Z',
  ): Of<'ContactUnassigned'> => ({
    type: 'ContactUnassigned',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), role, contact: { staffId, unitId } },
  }),
  died: (occurredAt = '2026-02-20T09:00:00Z'): Of<'CitizenDied'> => ({
    type: 'CitizenDied',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt) },
  }),
  personalDataErased: (occurredAt = '2026-03-02T09:30:00Z'): Of<'CitizenPersonalDataErased'> => ({
    type: 'CitizenPersonalDataErased',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      reason: 'gdpr-art-17-request',
      legalBasis: 'GDPR art. 17',
    },
  }),

  shelterAdmitted: (
    o: {
      stayId?: string;
      shelterId?: string;
      occurredAt?: string;
      handlekommune?: string;
      municipalityOfStay?: string;
    } = {},
  ): Of<'ShelterAdmissionRecorded'> => ({
    type: 'ShelterAdmissionRecorded',
    data: {
      citizenId: CITIZEN,
      stayId: o.stayId ?? 'stay-1',
      occurredAt: d(o.occurredAt ?? '2026-03-02T20:40:00Z'),
      shelterId: o.shelterId ?? 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: o.municipalityOfStay ?? '101',
      handlekommune: o.handlekommune ?? '101',
      referral: 'self-referred',
      homeSituation: 'no-home',
    },
  }),
  handlekommuneNotified: (
    stayId = 'stay-1',
    occurredAt = '2026-03-03T10:00:00Z',
  ): Of<'HandlekommuneNotified'> => ({
    type: 'HandlekommuneNotified',
    data: {
      citizenId: CITIZEN,
      stayId,
      occurredAt: d(occurredAt),
      handlekommune: '101',
      channel: 'secure-email',
    },
  }),
  shelterDischarged: (
    stayId = 'stay-1',
    occurredAt = '2026-03-20T10:00:00Z',
  ): Of<'ShelterDischargeRecorded'> => ({
    type: 'ShelterDischargeRecorded',
    data: { citizenId: CITIZEN, stayId, occurredAt: d(occurredAt), destination: 'own-home', planned: true },
  }),

  municipalDischargeDecided: (
    stayId = 'stay-1',
    occurredAt = '2026-03-10T10:00:00Z',
    handlekommune = '101',
  ): Of<'MunicipalDischargeDecided'> => ({
    type: 'MunicipalDischargeDecided',
    data: {
      citizenId: CITIZEN,
      stayId,
      occurredAt: d(occurredAt),
      handlekommune,
      conditions: {
        actionPlan: true,
        homeOrPlace: true,
        supportDecided: true,
        leaseSigned: true,
        moveInPossible: true,
      },
    },
  }),

  offered: (
    offerId = 'offer-1',
    leaseSigningDeadline = '2026-03-20',
    occurredAt = '2026-03-02T09:00:00Z',
  ): Of<'HousingOffered'> => ({
    type: 'HousingOffered',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      offerId,
      dwelling: '2-værelses almen bolig, Valby',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline,
      expectedMoveIn: '2026-04-01',
      allocationRequestId: null,
    },
  }),
  offerLapsed: (
    offerId = 'offer-1',
    reason: Of<'HousingOfferLapsed'>['data']['reason'] = 'benefits-processing-time',
    occurredAt = '2026-03-21T09:00:00Z',
  ): Of<'HousingOfferLapsed'> => ({
    type: 'HousingOfferLapsed',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, reason },
  }),
  offerDeclined: (
    offerId = 'offer-1',
    reason: Of<'HousingOfferDeclined'>['data']['reason'] = 'citizen-declined',
    occurredAt = '2026-03-05T09:00:00Z',
  ): Of<'HousingOfferDeclined'> => ({
    type: 'HousingOfferDeclined',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, reason },
  }),
  leaseSigned: (
    offerId = 'offer-1',
    leaseType: Of<'LeaseSigned'>['data']['leaseType'] = 'permanent',
    occurredAt = '2026-01-10T09:00:00Z',
  ): Of<'LeaseSigned'> => ({
    type: 'LeaseSigned',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, leaseType, leaseStartsOn: '2026-01-15' },
  }),
  movedIn: (offerId = 'offer-1', occurredAt = '2026-01-15T12:00:00Z'): Of<'MovedIn'> => ({
    type: 'MovedIn',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId },
  }),
  tenancyEnded: (offerId = 'offer-1', occurredAt = '2026-02-15T12:00:00Z'): Of<'TenancyEnded'> => ({
    type: 'TenancyEnded',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, reason: 'terminated-by-tenant' },
  }),
  rentArrears: (offerId = 'offer-1', occurredAt = '2026-03-01T12:00:00Z'): Of<'RentArrearsReported'> => ({
    type: 'RentArrearsReported',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, amountKr: 9700, monthsInArrears: 2 },
  }),
  evictionNotice: (
    offerId = 'offer-1',
    bailiffDate = '2026-03-20',
    occurredAt = '2026-03-02T09:00:00Z',
  ): Of<'EvictionNoticeReceived'> => ({
    type: 'EvictionNoticeReceived',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, bailiffDate },
  }),
  evictionAverted: (offerId = 'offer-1', occurredAt = '2026-03-10T09:00:00Z'): Of<'EvictionAverted'> => ({
    type: 'EvictionAverted',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), offerId, avertedBy: 'payment-agreement' },
  }),

  supportDecided: (
    supportId = 'support-1',
    method: Of<'SupportDecided'>['data']['method'] = 'cti',
    providerUnitId = 'unit-cti-team-kobenhavn',
    occurredAt = '2026-01-05T10:00:00Z',
  ): Of<'SupportDecided'> => ({
    type: 'SupportDecided',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method,
      legalBasis:
        method === 'section-85' || method === 'aftercare' ? 'serviceloven §85' : 'serviceloven §85a',
      providerUnitId,
      decidedBeforeShelterDischarge: true,
    },
  }),
  supportStarted: (
    supportId = 'support-1',
    method: Of<'SupportStarted'>['data']['method'] = 'cti',
    occurredAt = '2026-01-12T09:00:00Z',
  ): Of<'SupportStarted'> => ({
    type: 'SupportStarted',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method,
      legalBasis:
        method === 'section-85' || method === 'aftercare' ? 'serviceloven §85' : 'serviceloven §85a',
    },
  }),
  supportEnded: (
    supportId = 'support-1',
    occurredAt = '2026-02-01T09:00:00Z',
    successorSupport: Of<'SupportEnded'>['data']['successorSupport'] = 'none',
    method: Of<'SupportEnded'>['data']['method'] = 'cti',
  ): Of<'SupportEnded'> => ({
    type: 'SupportEnded',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method,
      legalBasis:
        method === 'section-85' || method === 'aftercare' ? 'serviceloven §85' : 'serviceloven §85a',
      ...(successorSupport === 'none'
        ? { endKind: 'unplanned' as const, reason: 'no-wish' as const }
        : { endKind: 'planned' as const, reason: 'goal-reached' as const }),
      successorSupport,
    },
  }),
  supportPaused: (
    supportId = 'support-1',
    method: Of<'SupportPaused'>['data']['method'] = 'cti',
    occurredAt = '2026-02-01T09:00:00Z',
  ): Of<'SupportPaused'> => ({
    type: 'SupportPaused',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method,
      legalBasis:
        method === 'section-85' || method === 'aftercare' ? 'serviceloven §85' : 'serviceloven §85a',
      reason: 'other',
    },
  }),
  ctiPhaseAdvanced: (
    o: {
      supportId?: string;
      phase?: Of<'CtiPhaseAdvanced'>['data']['phase'];
      plannedEndDate?: string | null;
      occurredAt?: string;
    } = {},
  ): Of<'CtiPhaseAdvanced'> => ({
    type: 'CtiPhaseAdvanced',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(o.occurredAt ?? '2026-02-02T09:00:00Z'),
      supportId: o.supportId ?? 'support-1',
      method: 'cti',
      legalBasis: 'serviceloven §85a',
      phase: o.phase ?? 'phase-1',
      previousPhase: (o.phase ?? 'phase-1') === 'phase-1' ? 'contact' : 'phase-1',
      ...(o.plannedEndDate === null ? {} : { plannedEndDate: o.plannedEndDate ?? '2026-11-02' }),
    },
  }),
  contactLost: (supportId = 'support-1', occurredAt = '2026-03-02T09:00:00Z'): Of<'ContactLost'> => ({
    type: 'ContactLost',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method: 'cti',
      legalBasis: 'serviceloven §85a',
      lastContactAt: '2026-02-05T09:00:00.000Z',
      daysWithoutContact: 25,
    },
  }),
  contactRestored: (supportId = 'support-1', occurredAt = '2026-03-04T09:00:00Z'): Of<'ContactRestored'> => ({
    type: 'ContactRestored',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      supportId,
      method: 'cti',
      legalBasis: 'serviceloven §85a',
      channel: 'home-visit',
    },
  }),

  hospitalAdmitted: (
    admissionId = 'adm-1',
    kind: Of<'HospitalAdmissionRecorded'>['data']['kind'] = 'psychiatric',
    occurredAt = '2026-02-20T09:00:00Z',
  ): Of<'HospitalAdmissionRecorded'> => ({
    type: 'HospitalAdmissionRecorded',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      admissionId,
      kind,
      legalBasis: kind === 'psychiatric' ? 'psykiatriloven §13 a-c' : 'forvaltningsloven §28',
      medcomCode: 'STIN',
      hospitalName: 'Psykiatrisk Center København',
    },
  }),
  dischargePlanned: (
    o: {
      admissionId?: string;
      kind?: Of<'DischargePlanned'>['data']['kind'];
      expectedDate?: string;
      destination?: string;
      housingStatus?: Of<'DischargePlanned'>['data']['housingStatus'];
      occurredAt?: string;
    } = {},
  ): Of<'DischargePlanned'> => ({
    type: 'DischargePlanned',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(o.occurredAt ?? '2026-03-02T09:00:00Z'),
      admissionId: o.admissionId ?? 'adm-1',
      kind: o.kind ?? 'psychiatric',
      legalBasis: 'psykiatriloven §13 a-c',
      expectedDate: o.expectedDate ?? '2026-03-03',
      destination: o.destination ?? 'unknown',
      housingStatus: o.housingStatus ?? 'no-home',
      medicationNeeds: 'support-needed',
    },
  }),
  discharged: (
    admissionId = 'adm-1',
    destination = 'unknown',
    occurredAt = '2026-03-02T09:00:00Z',
    kind: Of<'DischargedFromHospital'>['data']['kind'] = 'psychiatric',
  ): Of<'DischargedFromHospital'> => ({
    type: 'DischargedFromHospital',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      admissionId,
      kind,
      legalBasis: 'psykiatriloven §13 a-c',
      dischargeId: `${admissionId}-discharge`,
      destination,
    },
  }),
  hospitalNoticeAcknowledged: (
    noticeId = 'adm-1',
    acknowledgingUnitId = 'unit-myndighed-kobenhavn',
    occurredAt = '2026-03-02T10:00:00Z',
  ): Of<'HospitalNoticeAcknowledged'> => ({
    type: 'HospitalNoticeAcknowledged',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      noticeId,
      acknowledgingUnitId,
      legalBasis: 'psykiatriloven §13 a-c',
    },
  }),
  prisonIntake: (stayId = 'prison-1', occurredAt = '2026-01-20T09:00:00Z'): Of<'PrisonIntakeRecorded'> => ({
    type: 'PrisonIntakeRecorded',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), stayId, institutionName: 'Storstrøm Fængsel' },
  }),
  releaseScheduled: (
    stayId = 'prison-1',
    expectedReleaseDate = '2026-03-20',
    housingStatus: Of<'ReleaseScheduled'>['data']['housingStatus'] = 'no-home',
    occurredAt = '2026-03-02T09:00:00Z',
  ): Of<'ReleaseScheduled'> => ({
    type: 'ReleaseScheduled',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), stayId, expectedReleaseDate, housingStatus },
  }),
  released: (stayId = 'prison-1', occurredAt = '2026-03-20T09:00:00Z'): Of<'ReleasedFromPrison'> => ({
    type: 'ReleasedFromPrison',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), stayId, releaseId: `${stayId}-release` },
  }),
  prisonNoticeAcknowledged: (
    noticeId = 'prison-1',
    acknowledgingUnitId = 'unit-myndighed-kobenhavn',
    occurredAt = '2026-03-03T09:00:00Z',
  ): Of<'PrisonNoticeAcknowledged'> => ({
    type: 'PrisonNoticeAcknowledged',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), noticeId, acknowledgingUnitId },
  }),

  depositSubmitted: (
    o: {
      applicationId?: string;
      kind?: Of<'DepositApplicationSubmitted'>['data']['kind'];
      linkedOfferId?: string | null;
      leaseSigningDeadline?: string | null;
      decidingMunicipality?: string;
      occurredAt?: string;
    } = {},
  ): Of<'DepositApplicationSubmitted'> => ({
    type: 'DepositApplicationSubmitted',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(o.occurredAt ?? '2026-03-02T09:00:00Z'),
      applicationId: o.applicationId ?? 'app-1',
      kind: o.kind ?? 'beboerindskudslan',
      legalBasis: 'boligstøtteloven kap. 10',
      amountKr: 14550,
      decidingMunicipality: o.decidingMunicipality ?? '147',
      socialHousing: true,
      ...(o.linkedOfferId === null ? {} : { linkedOfferId: o.linkedOfferId ?? 'offer-1' }),
      ...(o.leaseSigningDeadline === null || o.leaseSigningDeadline === undefined
        ? {}
        : { leaseSigningDeadline: o.leaseSigningDeadline }),
    },
  }),
  depositDecided: (
    applicationId = 'app-1',
    occurredAt = '2026-03-03T09:00:00Z',
  ): Of<'DepositApplicationDecided'> => ({
    type: 'DepositApplicationDecided',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      applicationId,
      kind: 'beboerindskudslan',
      legalBasis: 'boligstøtteloven kap. 10',
      decidingMunicipality: '147',
      outcome: 'granted',
      appliedAmountKr: 14550,
      grantedAmountKr: 14550,
      fastTracked: true,
    },
  }),

  jobcentreCaseworkerAssigned: (occurredAt = '2026-01-07T09:00:00Z'): Of<'JobcentreCaseworkerAssigned'> => ({
    type: 'JobcentreCaseworkerAssigned',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      caseworkerId: 'staff-jc-42',
      unitId: 'unit-jobcenter-kbh-nord',
    },
  }),
  sanctionRisk: (occurredAt = '2026-03-02T09:00:00Z'): Of<'SanctionRiskFlagged'> => ({
    type: 'SanctionRiskFlagged',
    data: { citizenId: CITIZEN, occurredAt: d(occurredAt), reason: 'missed-meeting' },
  }),
  sanctionWarning: (
    warningId = 'warning-1',
    hearingDeadline = '2026-03-12',
    occurredAt = '2026-03-02T09:00:00Z',
  ): Of<'SanctionWarningIssued'> => ({
    type: 'SanctionWarningIssued',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      warningId,
      ground: 'missed-meeting',
      readiness: 'activity-ready',
      hearingDeadline,
      extendedHearing: true,
    },
  }),
  personalContactAttempted: (
    warningId = 'warning-1',
    outcome: Of<'PersonalContactAttempted'>['data']['outcome'] = 'reached',
    occurredAt = '2026-03-03T09:00:00Z',
  ): Of<'PersonalContactAttempted'> => ({
    type: 'PersonalContactAttempted',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      warningId,
      channel: 'via-support-worker',
      outcome,
      attemptNumber: 1,
    },
  }),
  sanctionImposed: (warningId = 'warning-1', occurredAt = '2026-03-13T09:00:00Z'): Of<'SanctionImposed'> => ({
    type: 'SanctionImposed',
    data: {
      citizenId: CITIZEN,
      occurredAt: d(occurredAt),
      warningId,
      amountKr: 1200,
      readiness: 'activity-ready',
      contactAttempts: 0,
    },
  }),
};
