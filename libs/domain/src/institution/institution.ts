import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
import { assertOccurredAtAcceptable } from '../rules';
import { copenhagenDate, days, daysBetween } from '../support/local-date';

/**
 * Institution transitions (DOMAIN.md §5.8, §7): hospital and psychiatric admissions with leave, discharge planning
 * and discharge (MedCom HospitalNotification codes STIN/STAA, STOR/SLOR, SLHJ, MORS), prison stays with the
 * scheduled and actual release, and the acknowledgement of these notices by the units they were sent to.
 *
 * ONE stream per citizen (`institution-<citizenId>`) so that "one open admission at a time" and "one open prison
 * stay at a time" are single-stream invariants guarded by optimistic concurrency. A hospital admission and a
 * prison stay may overlap (a prisoner admitted to psychiatry).
 *
 * Two ideas keep the cross-process rule (an admission pauses support, a discharge resumes it) safe to retry,
 * because the API records it as two appends on two streams:
 * - ids are made by the API (from the Idempotency-Key when one is sent), so recording an admission or prison
 *   intake whose id is already in the stream is a replay of the same request and records nothing;
 * - a discharge and a release carry their own id (`dischargeId`, `releaseId`) for the same reason: a retried
 *   discharge is recognised and records nothing, instead of being refused because the admission is closed.
 *
 * No diagnoses, ever: the admission kind (psychiatric/somatic) and a coarse medication-needs category are the only
 * health facts recorded. The ward is kept for the receiving units but never shown in summaries, as a ward's name
 * can hint at a diagnosis.
 */
export function institutionStreamId(citizenId: string): string {
  return `institution-${citizenId}`;
}

export const HOSPITAL_ADMISSION_KINDS = ['psychiatric', 'somatic'] as const;
export type HospitalAdmissionKind = (typeof HOSPITAL_ADMISSION_KINDS)[number];

/** MedCom: STIN = admitted (indlagt), STAA = acute ambulant contact. Both open an admission here. */
export const ADMISSION_MEDCOM_CODES = ['STIN', 'STAA'] as const;
export type AdmissionMedcomCode = (typeof ADMISSION_MEDCOM_CODES)[number];

/** The MedCom HospitalNotification codes of one admission's facts (DOMAIN.md §7). */
export const MEDCOM_NOTICE_CODES = ['STIN', 'STAA', 'STOR', 'SLOR', 'SLHJ', 'MORS'] as const;
export type MedcomNoticeCode = (typeof MEDCOM_NOTICE_CODES)[number];
/** RE_xx revises (replaces) the earlier message with code xx; AN_xx cancels (retracts) it. */
export type MedcomRevisionCode = `RE_${MedcomNoticeCode}`;
export type MedcomCancellationCode = `AN_${MedcomNoticeCode}`;
export type MedcomCode = MedcomNoticeCode | MedcomRevisionCode | MedcomCancellationCode;

/**
 * Where a fact came from when a MedCom HospitalNotification reported it: the sender's message id (the Bundle id,
 * which makes a repeated message a no-op) and the code. REST-recorded facts have none.
 */
export type MedcomSource = { messageId: string; code: MedcomCode };

export const HOUSING_STATUSES = ['no-home', 'own-home', 'shelter', 'unknown'] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];

/** A coarse category that lets the receiving unit prepare; never a drug, dose or diagnosis. */
export const MEDICATION_NEEDS = [
  'none',
  'self-administered',
  'support-needed',
  'supervised-dispensing',
  'unknown',
] as const;
export type MedicationNeeds = (typeof MEDICATION_NEEDS)[number];

/** Discharge destinations that are not a unit; any other destination is a unit id such as a §110 shelter. */
export const DISCHARGE_DESTINATION_CODES = ['own-home', 'family-or-friends', 'unknown'] as const;

/**
 * Legal bases of hospital data (DOMAIN.md §3). Retssikkerhedsloven §12 c allows the exchange without consent only
 * for citizens with serviceloven chapter 16 support (§§83-99, so §85 and §85a); psykiatriloven §13 a-c covers what
 * is needed for a psychiatric discharge agreement or coordination plan; otherwise sharing rests on
 * forvaltningsloven §28 (consent, or significant importance for the recipient), which the access layer checks.
 * The basis is settled when the admission is recorded and carried in every event of that admission.
 */
export const HOSPITAL_LEGAL_BASES = [
  'retssikkerhedsloven §12 c',
  'psykiatriloven §13 a-c',
  'forvaltningsloven §28',
] as const;
export type HospitalLegalBasis = (typeof HOSPITAL_LEGAL_BASES)[number];
export const PRISON_LEGAL_BASIS = 'retsplejeloven §115';

export function hospitalLegalBasis(
  kind: HospitalAdmissionKind,
  hasChapter16Support: boolean,
): HospitalLegalBasis {
  if (hasChapter16Support) return 'retssikkerhedsloven §12 c';
  return kind === 'psychiatric' ? 'psykiatriloven §13 a-c' : 'forvaltningsloven §28';
}

// ---------------------------------------------------------------------------------------------------------------
// Events

type AdmissionData = {
  citizenId: string;
  occurredAt: string;
  admissionId: string;
  kind: HospitalAdmissionKind;
  legalBasis: HospitalLegalBasis;
  /** set when a MedCom HospitalNotification reported the fact (see MedcomSource) */
  medcomCode?: MedcomCode;
  medcomMessageId?: string;
};

export type HospitalAdmissionRecorded = {
  type: 'HospitalAdmissionRecorded';
  data: AdmissionData & {
    medcomCode: AdmissionMedcomCode;
    hospitalName: string;
    /** for the receiving units only; never in summaries */
    ward?: string;
    /**
     * The MedCom episode-of-care identifier (`system|value` of Encounter.episodeOfCare.identifier). It links the
     * later notices of the same stay (leave, discharge, revisions, cancellations) to this admission: the
     * Encounter resource gets a new id in every message, the episode-of-care identifier stays the same.
     */
    medcomEpisodeId?: string;
  };
};

/** MedCom STOR: the patient leaves on leave (orlov) and remains admitted. */
export type LeaveStarted = { type: 'LeaveStarted'; data: AdmissionData & { expectedReturnDate?: string } };

/** MedCom SLOR: back from leave. */
export type LeaveEnded = { type: 'LeaveEnded'; data: AdmissionData };

/**
 * A (re)planned discharge; a later plan replaces the earlier one. A psychiatric discharge plan is the
 * udskrivningsaftale/koordinationsplan of psykiatriloven §13 a-c, whatever the admission's own basis.
 */
export type DischargePlanned = {
  type: 'DischargePlanned';
  data: AdmissionData & {
    expectedDate: string;
    /** 'own-home' | 'family-or-friends' | 'unknown' or a unit id, e.g. a §110 shelter */
    destination: string;
    housingStatus: HousingStatus;
    medicationNeeds: MedicationNeeds;
  };
};

/** MedCom SLHJ: discharged home / to the primary sector. */
export type DischargedFromHospital = {
  type: 'DischargedFromHospital';
  data: AdmissionData & { dischargeId: string; destination: string };
};

/** MedCom MORS. */
export type DiedInHospital = { type: 'DiedInHospital'; data: AdmissionData };

/**
 * MedCom RE_xx: the hospital corrects the time of an earlier notice of this admission (the message replaces the
 * earlier one). Only the time is corrected: the MedCom notice carries no other fact this service keeps. The
 * earlier event stays in the history; the state, and so every later rule, uses the corrected time.
 */
export type HospitalNoticeRevised = {
  type: 'HospitalNoticeRevised';
  data: AdmissionData & {
    medcomCode: MedcomRevisionCode;
    revisedCode: MedcomNoticeCode;
    correctedOccurredAt: string;
    /** the sender's id of the message that is replaced, when the message names it */
    revisedMessageId?: string;
  };
};

/**
 * MedCom AN_xx (Encounter status entered-in-error): the earlier notice was sent in error and is retracted. The
 * state returns to what it was before that notice: a cancelled admission (AN_STIN/AN_STAA) is no longer open and
 * no longer blocks a new one; a cancelled leave start, leave end, discharge or death reverts that step. The
 * retracted event stays in the history (events are never deleted); readers see both.
 */
export type HospitalNoticeCancelled = {
  type: 'HospitalNoticeCancelled';
  data: AdmissionData & {
    medcomCode: MedcomCancellationCode;
    cancelledCode: MedcomNoticeCode;
    cancelledMessageId?: string;
  };
};

export type PrisonIntakeRecorded = {
  type: 'PrisonIntakeRecorded';
  data: { citizenId: string; occurredAt: string; stayId: string; institutionName: string };
};

/** Parole and release dates are usually decided about four weeks ahead (alert A9 looks 28 days ahead). */
export type ReleaseScheduled = {
  type: 'ReleaseScheduled';
  data: {
    citizenId: string;
    occurredAt: string;
    stayId: string;
    expectedReleaseDate: string;
    housingStatus: HousingStatus;
  };
};

export type ReleasedFromPrison = {
  type: 'ReleasedFromPrison';
  data: { citizenId: string; occurredAt: string; stayId: string; releaseId: string };
};

/**
 * A unit acknowledges a notice; the notice id is the admission's or the prison stay's id. Visibility follows what
 * is acknowledged, and since a category belongs to an event type, there is one type per kind of notice: an
 * acknowledged hospital notice is health data, an acknowledged prison notice is justice data.
 */
export type HospitalNoticeAcknowledged = {
  type: 'HospitalNoticeAcknowledged';
  data: {
    citizenId: string;
    occurredAt: string;
    noticeId: string;
    acknowledgingUnitId: string;
    legalBasis: HospitalLegalBasis;
  };
};

export type PrisonNoticeAcknowledged = {
  type: 'PrisonNoticeAcknowledged';
  data: { citizenId: string; occurredAt: string; noticeId: string; acknowledgingUnitId: string };
};

export type InstitutionEvent =
  | HospitalAdmissionRecorded
  | LeaveStarted
  | LeaveEnded
  | DischargePlanned
  | DischargedFromHospital
  | DiedInHospital
  | HospitalNoticeRevised
  | HospitalNoticeCancelled
  | PrisonIntakeRecorded
  | ReleaseScheduled
  | ReleasedFromPrison
  | HospitalNoticeAcknowledged
  | PrisonNoticeAcknowledged;

// ---------------------------------------------------------------------------------------------------------------
// Commands

type Base = { citizenId: string; occurredAt: Date };
/** Hospital commands may come from a MedCom message; a message id already in the stream records nothing. */
type FromMedcom = { medcom?: MedcomSource };

export type RecordHospitalAdmission = Base &
  FromMedcom & {
    type: 'RecordHospitalAdmission';
    admissionId: string;
    kind: HospitalAdmissionKind;
    medcomCode: AdmissionMedcomCode;
    hospitalName: string;
    ward?: string;
    /** whether the citizen has serviceloven chapter 16 support now (from the support process) */
    hasChapter16Support: boolean;
    medcomEpisodeId?: string;
  };
export type StartHospitalLeave = Base &
  FromMedcom & {
    type: 'StartHospitalLeave';
    admissionId: string;
    expectedReturnDate?: string;
  };
export type EndHospitalLeave = Base & FromMedcom & { type: 'EndHospitalLeave'; admissionId: string };
export type PlanHospitalDischarge = Base & {
  type: 'PlanHospitalDischarge';
  admissionId: string;
  expectedDate: string;
  destination: string;
  housingStatus: HousingStatus;
  medicationNeeds: MedicationNeeds;
};
export type RecordHospitalDischarge = Base &
  FromMedcom & {
    type: 'RecordHospitalDischarge';
    admissionId: string;
    dischargeId: string;
    /** defaults to the planned destination, else 'unknown' */
    destination?: string;
  };
export type RecordDeathInHospital = Base &
  FromMedcom & { type: 'RecordDeathInHospital'; admissionId: string };
/** MedCom RE_xx; `occurredAt` is when the revision was sent, `correctedOccurredAt` the corrected time. */
export type ReviseHospitalNotice = Base & {
  type: 'ReviseHospitalNotice';
  admissionId: string;
  medcom: MedcomSource & { code: MedcomRevisionCode };
  correctedOccurredAt: Date;
  revisedMessageId?: string;
};
/** MedCom AN_xx. */
export type CancelHospitalNotice = Base & {
  type: 'CancelHospitalNotice';
  admissionId: string;
  medcom: MedcomSource & { code: MedcomCancellationCode };
  cancelledMessageId?: string;
};
export type RecordPrisonIntake = Base & {
  type: 'RecordPrisonIntake';
  stayId: string;
  institutionName: string;
};
export type SchedulePrisonRelease = Base & {
  type: 'SchedulePrisonRelease';
  stayId: string;
  expectedReleaseDate: string;
  housingStatus: HousingStatus;
};
export type RecordPrisonRelease = Base & { type: 'RecordPrisonRelease'; stayId: string; releaseId: string };
export type AcknowledgeNotice = Base & {
  type: 'AcknowledgeNotice';
  noticeId: string;
  acknowledgingUnitId: string;
};

export type InstitutionCommand =
  | RecordHospitalAdmission
  | StartHospitalLeave
  | EndHospitalLeave
  | PlanHospitalDischarge
  | RecordHospitalDischarge
  | RecordDeathInHospital
  | ReviseHospitalNotice
  | CancelHospitalNotice
  | RecordPrisonIntake
  | SchedulePrisonRelease
  | RecordPrisonRelease
  | AcknowledgeNotice;

// ---------------------------------------------------------------------------------------------------------------
// State

export type HospitalAdmission = {
  admissionId: string;
  kind: HospitalAdmissionKind;
  legalBasis: HospitalLegalBasis;
  /** 'cancelled': retracted by MedCom AN_STIN/AN_STAA (entered in error) */
  status: 'admitted' | 'on-leave' | 'discharged' | 'died' | 'cancelled';
  admittedAt: string;
  leaveStartedAt: string | null;
  /** start of the last ended leave, so that a cancelled leave end (AN_SLOR) can put the patient back on leave */
  lastLeaveStartedAt: string | null;
  medcomEpisodeId: string | null;
  plannedDestination: string | null;
  closedAt: string | null;
  dischargeId: string | null;
};

export type PrisonStay = {
  stayId: string;
  status: 'in-custody' | 'released';
  intakeAt: string;
  expectedReleaseDate: string | null;
  releasedAt: string | null;
  releaseId: string | null;
};

export type InstitutionState = {
  admissions: Record<string, HospitalAdmission>;
  openAdmissionId: string | null;
  lastAdmissionClosedAt: string | null;
  prisonStays: Record<string, PrisonStay>;
  openPrisonStayId: string | null;
  lastReleasedAt: string | null;
  /** acknowledging unit ids per notice id */
  acknowledgements: Record<string, string[]>;
  died: boolean;
  /** MedCom message ids already recorded: a repeated message records nothing */
  medcomMessageIds: Record<string, true>;
};

/** The admission a MedCom episode-of-care identifier belongs to (the latest, should a hospital reuse one). */
export function admissionForMedcomEpisode(
  state: InstitutionState,
  medcomEpisodeId: string,
): HospitalAdmission | null {
  const matches = Object.values(state.admissions).filter((a) => a.medcomEpisodeId === medcomEpisodeId);
  return matches.length === 0 ? null : matches[matches.length - 1];
}

export const isOpenAdmission = (admission: HospitalAdmission): boolean =>
  admission.status === 'admitted' || admission.status === 'on-leave';

// ---------------------------------------------------------------------------------------------------------------
// Decider

const ms = (iso: string): number => Date.parse(iso);

function rule(code: string, message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('rule-violation', code, message, details);
}

function admissionData(command: Base & FromMedcom, admission: HospitalAdmission): AdmissionData {
  return {
    citizenId: command.citizenId,
    occurredAt: command.occurredAt.toISOString(),
    admissionId: admission.admissionId,
    kind: admission.kind,
    legalBasis: admission.legalBasis,
    ...(command.medcom ? { medcomCode: command.medcom.code, medcomMessageId: command.medcom.messageId } : {}),
  };
}

function openAdmission(state: InstitutionState, admissionId: string): HospitalAdmission {
  const admission = knownAdmission(state, admissionId);
  if (!isOpenAdmission(admission)) {
    throw new DomainError('conflict', 'hospital-admission-not-open', 'The admission has ended', {
      admissionId,
      status: admission.status,
    });
  }
  return admission;
}

function knownAdmission(state: InstitutionState, admissionId: string): HospitalAdmission {
  if (!Object.hasOwn(state.admissions, admissionId)) {
    throw new DomainError('not-found', 'hospital-admission-not-found', 'No admission with this admissionId', {
      admissionId,
    });
  }
  return state.admissions[admissionId];
}

function knownPrisonStay(state: InstitutionState, stayId: string): PrisonStay {
  if (!Object.hasOwn(state.prisonStays, stayId)) {
    throw new DomainError('not-found', 'prison-stay-not-found', 'No prison stay with this stayId', {
      stayId,
    });
  }
  return state.prisonStays[stayId];
}

function openPrisonStay(state: InstitutionState, stayId: string): PrisonStay {
  const stay = knownPrisonStay(state, stayId);
  if (stay.status !== 'in-custody') {
    throw new DomainError('conflict', 'prison-stay-not-open', 'The prison stay has ended', { stayId });
  }
  return stay;
}

function assertAlive(state: InstitutionState): void {
  if (state.died) {
    throw new DomainError('conflict', 'citizen-died', 'The citizen has died; no new admission or intake');
  }
}

function notBefore(
  command: Base,
  earliest: string,
  code: string,
  message: string,
  field: string,
  id: object,
) {
  if (command.occurredAt.getTime() < ms(earliest)) throw rule(code, message, { ...id, [field]: earliest });
}

function recordAdmission(command: RecordHospitalAdmission, state: InstitutionState): InstitutionEvent[] {
  if (Object.hasOwn(state.admissions, command.admissionId)) return []; // a replay of the same request
  assertAlive(state);
  if (state.openAdmissionId !== null) {
    throw new DomainError(
      'conflict',
      'hospital-admission-already-open',
      'The citizen already has an open hospital admission',
      { openAdmissionId: state.openAdmissionId },
    );
  }
  if (state.lastAdmissionClosedAt !== null) {
    notBefore(
      command,
      state.lastAdmissionClosedAt,
      'admission-before-previous-discharge',
      'An admission cannot precede the end of the previous admission',
      'lastAdmissionClosedAt',
      {},
    );
  }
  return [
    {
      type: 'HospitalAdmissionRecorded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        admissionId: command.admissionId,
        kind: command.kind,
        legalBasis: hospitalLegalBasis(command.kind, command.hasChapter16Support),
        medcomCode: command.medcomCode,
        hospitalName: command.hospitalName,
        ...(command.ward !== undefined ? { ward: command.ward } : {}),
        ...(command.medcom ? { medcomMessageId: command.medcom.messageId } : {}),
        ...(command.medcomEpisodeId !== undefined ? { medcomEpisodeId: command.medcomEpisodeId } : {}),
      },
    },
  ];
}

function startLeave(command: StartHospitalLeave, state: InstitutionState): InstitutionEvent[] {
  const admission = openAdmission(state, command.admissionId);
  if (admission.status === 'on-leave') {
    throw new DomainError('conflict', 'hospital-leave-already-started', 'The patient is already on leave', {
      admissionId: admission.admissionId,
    });
  }
  const id = { admissionId: admission.admissionId };
  notBefore(
    command,
    admission.admittedAt,
    'leave-before-admission',
    'Leave cannot precede admission',
    'admittedAt',
    id,
  );
  if (
    command.expectedReturnDate !== undefined &&
    command.expectedReturnDate < copenhagenDate(command.occurredAt)
  ) {
    throw rule('leave-return-before-start', 'The expected return lies before the leave starts', {
      ...id,
      expectedReturnDate: command.expectedReturnDate,
    });
  }
  return [
    {
      type: 'LeaveStarted',
      data: {
        ...admissionData(command, admission),
        ...(command.expectedReturnDate !== undefined
          ? { expectedReturnDate: command.expectedReturnDate }
          : {}),
      },
    },
  ];
}

function endLeave(command: EndHospitalLeave, state: InstitutionState): InstitutionEvent[] {
  const admission = openAdmission(state, command.admissionId);
  if (admission.status !== 'on-leave' || admission.leaveStartedAt === null) {
    throw new DomainError('conflict', 'hospital-leave-not-started', 'The patient is not on leave', {
      admissionId: admission.admissionId,
    });
  }
  notBefore(
    command,
    admission.leaveStartedAt,
    'leave-end-before-leave-start',
    'Leave cannot end before it started',
    'leaveStartedAt',
    { admissionId: admission.admissionId },
  );
  return [{ type: 'LeaveEnded', data: admissionData(command, admission) }];
}

function planDischarge(command: PlanHospitalDischarge, state: InstitutionState): InstitutionEvent[] {
  const admission = openAdmission(state, command.admissionId);
  const admittedOn = copenhagenDate(admission.admittedAt);
  if (command.expectedDate < admittedOn) {
    throw rule(
      'discharge-planned-before-admission',
      'The expected discharge date lies before the admission',
      {
        admissionId: admission.admissionId,
        admittedOn,
        expectedDate: command.expectedDate,
      },
    );
  }
  const data = admissionData(command, admission);
  return [
    {
      type: 'DischargePlanned',
      data: {
        ...data,
        legalBasis: admission.kind === 'psychiatric' ? 'psykiatriloven §13 a-c' : data.legalBasis,
        expectedDate: command.expectedDate,
        destination: command.destination,
        housingStatus: command.housingStatus,
        medicationNeeds: command.medicationNeeds,
      },
    },
  ];
}

function recordDischarge(command: RecordHospitalDischarge, state: InstitutionState): InstitutionEvent[] {
  const known = knownAdmission(state, command.admissionId);
  if (known.dischargeId === command.dischargeId) return []; // a replay of the same request
  const admission = openAdmission(state, command.admissionId);
  notBefore(
    command,
    admission.admittedAt,
    'discharge-before-admission',
    'A discharge cannot precede the admission',
    'admittedAt',
    { admissionId: admission.admissionId },
  );
  return [
    {
      type: 'DischargedFromHospital',
      data: {
        ...admissionData(command, admission),
        dischargeId: command.dischargeId,
        destination: command.destination ?? admission.plannedDestination ?? 'unknown',
      },
    },
  ];
}

function recordDeath(command: RecordDeathInHospital, state: InstitutionState): InstitutionEvent[] {
  const admission = openAdmission(state, command.admissionId);
  notBefore(
    command,
    admission.admittedAt,
    'death-before-admission',
    'A death in hospital cannot precede the admission',
    'admittedAt',
    { admissionId: admission.admissionId },
  );
  return [{ type: 'DiedInHospital', data: admissionData(command, admission) }];
}

function cannotRevise(admission: HospitalAdmission, code: MedcomNoticeCode, why: string): DomainError {
  return new DomainError('conflict', 'medcom-notice-not-applicable', why, {
    admissionId: admission.admissionId,
    code,
    status: admission.status,
  });
}

function noticeCode(code: MedcomRevisionCode | MedcomCancellationCode): MedcomNoticeCode {
  return code.slice(3) as MedcomNoticeCode;
}

/**
 * Which earlier notice a RE_/AN_ message may refer to, by the admission's state now: the admission itself while it
 * is not cancelled, a leave start while on leave, a leave end after a leave, a discharge or death once recorded.
 */
function assertNoticeApplies(admission: HospitalAdmission, code: MedcomNoticeCode): void {
  const fits: Record<MedcomNoticeCode, boolean> = {
    STIN: admission.status !== 'cancelled',
    STAA: admission.status !== 'cancelled',
    STOR: admission.status === 'on-leave',
    SLOR: admission.status === 'admitted' && admission.lastLeaveStartedAt !== null,
    SLHJ: admission.status === 'discharged',
    MORS: admission.status === 'died',
  };
  if (!fits[code]) {
    throw cannotRevise(admission, code, 'The admission has no notice of this kind to revise or cancel now');
  }
}

function reviseNotice(command: ReviseHospitalNotice, state: InstitutionState): InstitutionEvent[] {
  const admission = knownAdmission(state, command.admissionId);
  const revisedCode = noticeCode(command.medcom.code);
  assertNoticeApplies(admission, revisedCode);
  const corrected = command.correctedOccurredAt.toISOString();
  const id = { admissionId: admission.admissionId };
  if (revisedCode === 'STIN' || revisedCode === 'STAA') {
    const end = admission.leaveStartedAt ?? admission.closedAt;
    if (end !== null && ms(corrected) > ms(end)) {
      throw rule('admission-after-later-notice', 'The corrected admission lies after a later notice', {
        ...id,
        laterNoticeAt: end,
      });
    }
  } else if (ms(corrected) < ms(admission.admittedAt)) {
    throw rule('revised-notice-before-admission', 'The corrected time lies before the admission', {
      ...id,
      admittedAt: admission.admittedAt,
    });
  }
  return [
    {
      type: 'HospitalNoticeRevised',
      data: {
        ...admissionData(command, admission),
        medcomCode: command.medcom.code,
        revisedCode,
        correctedOccurredAt: corrected,
        ...(command.revisedMessageId !== undefined ? { revisedMessageId: command.revisedMessageId } : {}),
      },
    },
  ];
}

function cancelNotice(command: CancelHospitalNotice, state: InstitutionState): InstitutionEvent[] {
  const admission = knownAdmission(state, command.admissionId);
  const cancelledCode = noticeCode(command.medcom.code);
  assertNoticeApplies(admission, cancelledCode);
  // Reopening a discharged or died admission must not leave two admissions open.
  if (
    (cancelledCode === 'SLHJ' || cancelledCode === 'MORS') &&
    state.openAdmissionId !== null &&
    state.openAdmissionId !== admission.admissionId
  ) {
    throw new DomainError(
      'conflict',
      'hospital-admission-already-open',
      'The citizen already has an open hospital admission',
      { openAdmissionId: state.openAdmissionId },
    );
  }
  return [
    {
      type: 'HospitalNoticeCancelled',
      data: {
        ...admissionData(command, admission),
        medcomCode: command.medcom.code,
        cancelledCode,
        ...(command.cancelledMessageId !== undefined
          ? { cancelledMessageId: command.cancelledMessageId }
          : {}),
      },
    },
  ];
}

function recordIntake(command: RecordPrisonIntake, state: InstitutionState): InstitutionEvent[] {
  if (Object.hasOwn(state.prisonStays, command.stayId)) return []; // a replay of the same request
  assertAlive(state);
  if (state.openPrisonStayId !== null) {
    throw new DomainError(
      'conflict',
      'prison-stay-already-open',
      'The citizen already has an open prison stay',
      {
        openStayId: state.openPrisonStayId,
      },
    );
  }
  if (state.lastReleasedAt !== null) {
    notBefore(
      command,
      state.lastReleasedAt,
      'intake-before-previous-release',
      'A prison intake cannot precede the previous release',
      'lastReleasedAt',
      {},
    );
  }
  return [
    {
      type: 'PrisonIntakeRecorded',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        stayId: command.stayId,
        institutionName: command.institutionName,
      },
    },
  ];
}

function scheduleRelease(command: SchedulePrisonRelease, state: InstitutionState): InstitutionEvent[] {
  const stay = openPrisonStay(state, command.stayId);
  const intakeOn = copenhagenDate(stay.intakeAt);
  if (command.expectedReleaseDate < intakeOn) {
    throw rule('release-scheduled-before-intake', 'The expected release date lies before the intake', {
      stayId: stay.stayId,
      intakeOn,
      expectedReleaseDate: command.expectedReleaseDate,
    });
  }
  return [
    {
      type: 'ReleaseScheduled',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        stayId: stay.stayId,
        expectedReleaseDate: command.expectedReleaseDate,
        housingStatus: command.housingStatus,
      },
    },
  ];
}

function recordRelease(command: RecordPrisonRelease, state: InstitutionState): InstitutionEvent[] {
  if (knownPrisonStay(state, command.stayId).releaseId === command.releaseId) return []; // a replay
  const stay = openPrisonStay(state, command.stayId);
  notBefore(
    command,
    stay.intakeAt,
    'release-before-intake',
    'A release cannot precede the intake',
    'intakeAt',
    {
      stayId: stay.stayId,
    },
  );
  return [
    {
      type: 'ReleasedFromPrison',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        stayId: stay.stayId,
        releaseId: command.releaseId,
      },
    },
  ];
}

function acknowledge(command: AcknowledgeNotice, state: InstitutionState): InstitutionEvent[] {
  const admission = Object.hasOwn(state.admissions, command.noticeId)
    ? state.admissions[command.noticeId]
    : null;
  const stay = Object.hasOwn(state.prisonStays, command.noticeId)
    ? state.prisonStays[command.noticeId]
    : null;
  if (admission === null && stay === null) {
    throw new DomainError('not-found', 'notice-not-found', 'No admission or prison stay with this noticeId', {
      noticeId: command.noticeId,
    });
  }
  if ((state.acknowledgements[command.noticeId] ?? []).includes(command.acknowledgingUnitId)) {
    throw new DomainError(
      'conflict',
      'notice-already-acknowledged',
      'This unit has already acknowledged the notice',
      {
        noticeId: command.noticeId,
        acknowledgingUnitId: command.acknowledgingUnitId,
      },
    );
  }
  const noticeAt = admission?.admittedAt ?? (stay as PrisonStay).intakeAt;
  notBefore(
    command,
    noticeAt,
    'acknowledged-before-notice',
    'A notice cannot be acknowledged before it happened',
    'noticeOccurredAt',
    {
      noticeId: command.noticeId,
    },
  );
  const data = {
    citizenId: command.citizenId,
    occurredAt: command.occurredAt.toISOString(),
    noticeId: command.noticeId,
    acknowledgingUnitId: command.acknowledgingUnitId,
  };
  return admission !== null
    ? [{ type: 'HospitalNoticeAcknowledged', data: { ...data, legalBasis: admission.legalBasis } }]
    : [{ type: 'PrisonNoticeAcknowledged', data }];
}

export const institutionDecider: Decider<InstitutionCommand, InstitutionState, InstitutionEvent> = {
  initialState: () => ({
    admissions: {},
    openAdmissionId: null,
    lastAdmissionClosedAt: null,
    prisonStays: {},
    openPrisonStayId: null,
    lastReleasedAt: null,
    acknowledgements: {},
    died: false,
    medcomMessageIds: {},
  }),

  decide(command, state, now) {
    assertOccurredAtAcceptable(command.occurredAt, now);
    // MedCom idempotency: the sender's message id is recorded with the facts, so a repeat records nothing.
    if (
      'medcom' in command &&
      command.medcom &&
      Object.hasOwn(state.medcomMessageIds, command.medcom.messageId)
    )
      return [];
    switch (command.type) {
      case 'RecordHospitalAdmission':
        return recordAdmission(command, state);
      case 'StartHospitalLeave':
        return startLeave(command, state);
      case 'EndHospitalLeave':
        return endLeave(command, state);
      case 'PlanHospitalDischarge':
        return planDischarge(command, state);
      case 'RecordHospitalDischarge':
        return recordDischarge(command, state);
      case 'RecordDeathInHospital':
        return recordDeath(command, state);
      case 'ReviseHospitalNotice':
        return reviseNotice(command, state);
      case 'CancelHospitalNotice':
        return cancelNotice(command, state);
      case 'RecordPrisonIntake':
        return recordIntake(command, state);
      case 'SchedulePrisonRelease':
        return scheduleRelease(command, state);
      case 'RecordPrisonRelease':
        return recordRelease(command, state);
      case 'AcknowledgeNotice':
        return acknowledge(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const evolved = evolveInstitution(state, event);
    const messageId = 'medcomMessageId' in event.data ? event.data.medcomMessageId : undefined;
    return messageId === undefined
      ? evolved
      : { ...evolved, medcomMessageIds: { ...evolved.medcomMessageIds, [messageId]: true } };
  },
};

function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  const admission = (changes: Partial<HospitalAdmission>, id: string) => ({
    ...state.admissions,
    [id]: { ...state.admissions[id], ...changes },
  });
  const prisonStay = (changes: Partial<PrisonStay>, id: string) => ({
    ...state.prisonStays,
    [id]: { ...state.prisonStays[id], ...changes },
  });
  switch (event.type) {
    case 'HospitalAdmissionRecorded': {
      const d = event.data;
      return {
        ...state,
        openAdmissionId: d.admissionId,
        admissions: {
          ...state.admissions,
          [d.admissionId]: {
            admissionId: d.admissionId,
            kind: d.kind,
            legalBasis: d.legalBasis,
            status: 'admitted',
            admittedAt: d.occurredAt,
            leaveStartedAt: null,
            lastLeaveStartedAt: null,
            medcomEpisodeId: d.medcomEpisodeId ?? null,
            plannedDestination: null,
            closedAt: null,
            dischargeId: null,
          },
        },
      };
    }
    case 'LeaveStarted':
      return {
        ...state,
        admissions: admission(
          { status: 'on-leave', leaveStartedAt: event.data.occurredAt },
          event.data.admissionId,
        ),
      };
    case 'LeaveEnded':
      return {
        ...state,
        admissions: admission(
          {
            status: 'admitted',
            leaveStartedAt: null,
            lastLeaveStartedAt: state.admissions[event.data.admissionId].leaveStartedAt,
          },
          event.data.admissionId,
        ),
      };
    case 'DischargePlanned':
      return {
        ...state,
        admissions: admission({ plannedDestination: event.data.destination }, event.data.admissionId),
      };
    case 'DischargedFromHospital':
    case 'DiedInHospital': {
      const d = event.data;
      return {
        ...state,
        openAdmissionId: state.openAdmissionId === d.admissionId ? null : state.openAdmissionId,
        lastAdmissionClosedAt: d.occurredAt,
        died: state.died || event.type === 'DiedInHospital',
        admissions: admission(
          event.type === 'DischargedFromHospital'
            ? {
                status: 'discharged',
                closedAt: d.occurredAt,
                leaveStartedAt: null,
                dischargeId: event.data.dischargeId,
              }
            : { status: 'died', closedAt: d.occurredAt, leaveStartedAt: null },
          d.admissionId,
        ),
      };
    }
    case 'HospitalNoticeRevised': {
      const d = event.data;
      const at = d.correctedOccurredAt;
      const before = state.admissions[d.admissionId];
      switch (d.revisedCode) {
        case 'STIN':
        case 'STAA':
          return { ...state, admissions: admission({ admittedAt: at }, d.admissionId) };
        case 'STOR':
          return { ...state, admissions: admission({ leaveStartedAt: at }, d.admissionId) };
        case 'SLOR': // the end of a leave is not kept in the state
          return state;
        case 'SLHJ':
        case 'MORS':
          return {
            ...state,
            lastAdmissionClosedAt:
              state.lastAdmissionClosedAt === before.closedAt ? at : state.lastAdmissionClosedAt,
            admissions: admission({ closedAt: at }, d.admissionId),
          };
        default:
          return assertNever(d.revisedCode);
      }
    }
    case 'HospitalNoticeCancelled': {
      const d = event.data;
      const before = state.admissions[d.admissionId];
      switch (d.cancelledCode) {
        case 'STIN':
        case 'STAA':
          return {
            ...state,
            openAdmissionId: state.openAdmissionId === d.admissionId ? null : state.openAdmissionId,
            admissions: admission({ status: 'cancelled', leaveStartedAt: null }, d.admissionId),
          };
        case 'STOR':
          return {
            ...state,
            admissions: admission({ status: 'admitted', leaveStartedAt: null }, d.admissionId),
          };
        case 'SLOR':
          return {
            ...state,
            admissions: admission(
              { status: 'on-leave', leaveStartedAt: before.lastLeaveStartedAt, lastLeaveStartedAt: null },
              d.admissionId,
            ),
          };
        case 'SLHJ':
        case 'MORS':
          return {
            ...state,
            openAdmissionId: d.admissionId,
            // the death was this admission's MORS; a death recorded elsewhere (CitizenDied) is another stream
            died: d.cancelledCode === 'MORS' ? false : state.died,
            admissions: admission({ status: 'admitted', closedAt: null, dischargeId: null }, d.admissionId),
          };
        default:
          return assertNever(d.cancelledCode);
      }
    }
    case 'PrisonIntakeRecorded': {
      const d = event.data;
      return {
        ...state,
        openPrisonStayId: d.stayId,
        prisonStays: {
          ...state.prisonStays,
          [d.stayId]: {
            stayId: d.stayId,
            status: 'in-custody',
            intakeAt: d.occurredAt,
            expectedReleaseDate: null,
            releasedAt: null,
            releaseId: null,
          },
        },
      };
    }
    case 'ReleaseScheduled':
      return {
        ...state,
        prisonStays: prisonStay({ expectedReleaseDate: event.data.expectedReleaseDate }, event.data.stayId),
      };
    case 'ReleasedFromPrison':
      return {
        ...state,
        openPrisonStayId: state.openPrisonStayId === event.data.stayId ? null : state.openPrisonStayId,
        lastReleasedAt: event.data.occurredAt,
        prisonStays: prisonStay(
          { status: 'released', releasedAt: event.data.occurredAt, releaseId: event.data.releaseId },
          event.data.stayId,
        ),
      };
    case 'HospitalNoticeAcknowledged':
    case 'PrisonNoticeAcknowledged':
      return {
        ...state,
        acknowledgements: {
          ...state.acknowledgements,
          [event.data.noticeId]: [
            ...(state.acknowledgements[event.data.noticeId] ?? []),
            event.data.acknowledgingUnitId,
          ],
        },
      };
    default:
      return assertNever(event);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline

const KIND_TEXT: Record<HospitalAdmissionKind, string> = { psychiatric: 'Psychiatric', somatic: 'Hospital' };

const HOUSING_TEXT: Record<HousingStatus, string> = {
  'no-home': 'no home',
  'own-home': 'own home',
  shelter: 'shelter',
  unknown: 'housing unknown',
};

function destinationText(destination: string): string {
  switch (destination) {
    case 'own-home':
      return 'own home';
    case 'family-or-friends':
      return 'family or friends';
    case 'unknown':
      return 'unknown destination';
    default:
      return destination;
  }
}

/** Lead time from when a plan was made to the date it names (alerts A1/A9: short lead times escalate). */
function leadTime(occurredAt: string, date: string): string {
  const lead = daysBetween(copenhagenDate(occurredAt), date);
  return lead === 0 ? 'today' : lead > 0 ? `in ${days(lead)}` : `${days(-lead)} ago`;
}

/** Kind, codes, institution names, unit ids and dates only: never a ward, diagnosis or medication. */
export function summarizeInstitution(event: InstitutionEvent): string {
  switch (event.type) {
    case 'HospitalAdmissionRecorded': {
      const d = event.data;
      const what = d.medcomCode === 'STAA' ? 'acute ambulant contact' : 'admission';
      return `${KIND_TEXT[d.kind]} ${what} (${d.medcomCode}) at ${d.hospitalName}`;
    }
    case 'LeaveStarted':
      return `${KIND_TEXT[event.data.kind]} leave started (STOR)${
        event.data.expectedReturnDate ? `; expected back ${event.data.expectedReturnDate}` : ''
      }`;
    case 'LeaveEnded':
      return `${KIND_TEXT[event.data.kind]} leave ended (SLOR)`;
    case 'DischargePlanned': {
      const d = event.data;
      return `${KIND_TEXT[d.kind]} discharge planned for ${d.expectedDate} (${leadTime(d.occurredAt, d.expectedDate)}) to ${destinationText(d.destination)}; ${HOUSING_TEXT[d.housingStatus]}; medication needs: ${d.medicationNeeds}`;
    }
    case 'DischargedFromHospital':
      return `${KIND_TEXT[event.data.kind]} discharge (SLHJ) to ${destinationText(event.data.destination)}`;
    case 'DiedInHospital':
      return `Died during ${event.data.kind} admission (MORS)`;
    case 'HospitalNoticeRevised':
      return `${KIND_TEXT[event.data.kind]} notice revised (${event.data.medcomCode}): ${event.data.revisedCode} time corrected to ${event.data.correctedOccurredAt}`;
    case 'HospitalNoticeCancelled':
      return `${KIND_TEXT[event.data.kind]} notice cancelled (${event.data.medcomCode}): the ${event.data.cancelledCode} notice was sent in error and is retracted`;
    case 'PrisonIntakeRecorded':
      return `Prison intake at ${event.data.institutionName}`;
    case 'ReleaseScheduled': {
      const d = event.data;
      return `Prison release scheduled for ${d.expectedReleaseDate} (${leadTime(d.occurredAt, d.expectedReleaseDate)}); ${HOUSING_TEXT[d.housingStatus]}`;
    }
    case 'ReleasedFromPrison':
      return 'Released from prison';
    case 'HospitalNoticeAcknowledged':
      return `Hospital notice acknowledged by ${event.data.acknowledgingUnitId}`;
    case 'PrisonNoticeAcknowledged':
      return `Prison notice acknowledged by ${event.data.acknowledgingUnitId}`;
    default:
      return assertNever(event);
  }
}

export const institutionProcess: ProcessDefinition<InstitutionCommand, InstitutionState, InstitutionEvent> = {
  name: 'institution',
  streamId: institutionStreamId,
  decider: institutionDecider,
  // Hospital events: the basis depends on the citizen's support and the admission kind, so it is in each event's
  // data. Prison events always rest on retsplejeloven §115.
  events: {
    HospitalAdmissionRecorded: { schemaVersion: 1, category: 'health' },
    LeaveStarted: { schemaVersion: 1, category: 'health' },
    LeaveEnded: { schemaVersion: 1, category: 'health' },
    DischargePlanned: { schemaVersion: 1, category: 'health' },
    DischargedFromHospital: { schemaVersion: 1, category: 'health' },
    DiedInHospital: { schemaVersion: 1, category: 'health' },
    HospitalNoticeRevised: { schemaVersion: 1, category: 'health' },
    HospitalNoticeCancelled: { schemaVersion: 1, category: 'health' },
    HospitalNoticeAcknowledged: { schemaVersion: 1, category: 'health' },
    PrisonIntakeRecorded: { schemaVersion: 1, category: 'justice', legalBasis: PRISON_LEGAL_BASIS },
    ReleaseScheduled: { schemaVersion: 1, category: 'justice', legalBasis: PRISON_LEGAL_BASIS },
    ReleasedFromPrison: { schemaVersion: 1, category: 'justice', legalBasis: PRISON_LEGAL_BASIS },
    PrisonNoticeAcknowledged: { schemaVersion: 1, category: 'justice', legalBasis: PRISON_LEGAL_BASIS },
  },
  summarize: summarizeInstitution,
};
