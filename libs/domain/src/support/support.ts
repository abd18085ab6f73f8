import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
import { assertOccurredAtAcceptable } from '../rules';
import { addMonths, copenhagenDate, days, daysBetween } from './local-date';

/**
 * Support courses: serviceloven §85 bostøtte, §85a specialised Housing First support (CTI, ICM, ACT, M-ACT) and
 * shelter aftercare (efterforsorg).
 *
 * ONE stream per citizen (`support-<citizenId>`) holds all of the citizen's courses, each addressed by its own
 * `supportId`: rules that look across courses (a successor course, parallel support) then read one stream, and
 * the institution process can pause and resume every course of the citizen with one read.
 *
 * Housing First rules (DOMAIN.md §5, 002:L636-640, L806-830):
 * - Support and tenancy are separate. Nothing in the housing process ends support: this stream only ever
 *   changes through its own commands, and no command here reads housing state. A lost tenancy or a shelter
 *   discharge "to the street" leaves the course running (the e2e test shows it).
 * - An admission or a prison stay PAUSES a course and never ends it: a paused course can be resumed and can
 *   still be ended later, by its own decision.
 * - A CTI or ICM course is not ended as planned without successor support: the point of the handover is that
 *   the citizen is not left without support when the time-limited method stops.
 */
export function supportStreamId(citizenId: string): string {
  return `support-${citizenId}`;
}

/** `aftercare` is shelter efterforsorg; it is delivered as §85 bostøtte in practice, hence its legal basis. */
export const SUPPORT_METHODS = ['section-85', 'cti', 'icm', 'act', 'm-act', 'aftercare'] as const;
export type SupportMethod = (typeof SUPPORT_METHODS)[number];

export const SUPPORT_LEGAL_BASES = ['serviceloven §85', 'serviceloven §85a'] as const;
export type SupportLegalBasis = (typeof SUPPORT_LEGAL_BASES)[number];

/** The statute each method is granted under; recorded in every support event's data (it varies per course). */
export const SUPPORT_LEGAL_BASIS: Readonly<Record<SupportMethod, SupportLegalBasis>> = {
  'section-85': 'serviceloven §85',
  cti: 'serviceloven §85a',
  icm: 'serviceloven §85a',
  act: 'serviceloven §85a',
  'm-act': 'serviceloven §85a',
  aftercare: 'serviceloven §85',
};

/**
 * CTI: a contact period (from the start of the course, usually before move-in), then three phases of about three
 * months each. The 9 months run from the start of phase 1.
 */
export const CTI_PHASES = ['contact', 'phase-1', 'phase-2', 'phase-3'] as const;
export type CtiPhase = (typeof CTI_PHASES)[number];
export const CTI_DURATION_MONTHS = 9;

/** "Contact lost" means no contact for more than three weeks (DOMAIN.md §5.6, alert A8). */
export const CONTACT_LOST_AFTER_DAYS = 21;

export const SUPPORT_INTENSITY_LEVELS = ['low', 'medium', 'high', 'intensive'] as const;
export type SupportIntensityLevel = (typeof SUPPORT_INTENSITY_LEVELS)[number];

export const CONTACT_CHANNELS = [
  'home-visit',
  'phone',
  'sms',
  'outreach',
  'office-meeting',
  'via-shelter',
  'via-network',
  'letter',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'not-reached', 'declined'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const SUPPORT_PAUSE_REASONS = [
  'hospital-admission',
  'psychiatric-admission',
  'prison',
  'other',
] as const;
export type SupportPauseReason = (typeof SUPPORT_PAUSE_REASONS)[number];

export const SUPPORT_END_KINDS = ['planned', 'unplanned'] as const;
export type SupportEndKind = (typeof SUPPORT_END_KINDS)[number];

/** Reason codes of DOMAIN.md §8. */
export const SUPPORT_END_REASONS = [
  'no-wish',
  'lost-contact',
  'moved-municipality',
  'died',
  'goal-reached',
  'other',
] as const;
export type SupportEndReason = (typeof SUPPORT_END_REASONS)[number];

/**
 * Which reasons fit which kind of end. A goal reached is never an unplanned exit; death, lost contact and the
 * citizen no longer wishing support are never planned ones. A move can be either (planned handover to the new
 * municipality, or the citizen just left).
 */
export const END_REASONS_BY_KIND: Readonly<Record<SupportEndKind, readonly SupportEndReason[]>> = {
  planned: ['goal-reached', 'moved-municipality', 'other'],
  unplanned: ['no-wish', 'lost-contact', 'moved-municipality', 'died', 'other'],
};

export const SUCCESSOR_SUPPORT_OPTIONS = [...SUPPORT_METHODS, 'none'] as const;
export type SuccessorSupport = (typeof SUCCESSOR_SUPPORT_OPTIONS)[number];

/** Methods that are time-limited by design and must hand over to successor support when they end as planned. */
export const METHODS_REQUIRING_SUCCESSOR: readonly SupportMethod[] = ['cti', 'icm'];

/** Unit ids are lower-case slugs such as `unit-cti-team-kobenhavn`; never a person's name. */
export const UNIT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,79}$/;

// ---------------------------------------------------------------------------------------------------------------
// Events

/** Every support event names its course, the method and the statute, so each one can be read on its own. */
type CourseData = {
  citizenId: string;
  occurredAt: string;
  supportId: string;
  method: SupportMethod;
  legalBasis: SupportLegalBasis;
};

export type SupportDecided = {
  type: 'SupportDecided';
  data: CourseData & {
    /** the support provider unit that delivers the course */
    providerUnitId: string;
    /** §176a: the §85a refund for up to 2 years requires the decision BEFORE the §110 shelter discharge */
    decidedBeforeShelterDischarge: boolean;
  };
};

/** For CTI, the start of the course is the start of the contact period. */
export type SupportStarted = { type: 'SupportStarted'; data: CourseData };

export type CtiPhaseAdvanced = {
  type: 'CtiPhaseAdvanced';
  data: CourseData & {
    phase: Exclude<CtiPhase, 'contact'>;
    previousPhase: CtiPhase;
    /** set when phase 1 starts: the end of the 9-month CTI period (YYYY-MM-DD), for the handover alert A7 */
    plannedEndDate?: string;
  };
};

export type SupportIntensityAdjusted = {
  type: 'SupportIntensityAdjusted';
  data: CourseData & {
    level: SupportIntensityLevel;
    previousLevel: SupportIntensityLevel | null;
    plannedContactsPerWeek?: number;
  };
};

export type ContactAttempted = {
  type: 'ContactAttempted';
  data: CourseData & { channel: ContactChannel; outcome: ContactOutcome };
};

export type ContactLost = {
  type: 'ContactLost';
  data: CourseData & {
    /** the last known contact (course start, a reached attempt or a restored contact) */
    lastContactAt: string;
    daysWithoutContact: number;
  };
};

export type ContactRestored = {
  type: 'ContactRestored';
  data: CourseData & { channel: ContactChannel };
};

export type SupportPaused = {
  type: 'SupportPaused';
  data: CourseData & {
    reason: SupportPauseReason;
    /** the hospital admissionId or prison stayId that caused the pause, when it came from the institution process */
    institutionStayId?: string;
  };
};

export type SupportResumed = {
  type: 'SupportResumed';
  data: CourseData & {
    pausedReason: SupportPauseReason;
    pausedSince: string;
    institutionStayId?: string;
  };
};

export type SupportEnded = {
  type: 'SupportEnded';
  data: CourseData & {
    endKind: SupportEndKind;
    reason: SupportEndReason;
    successorSupport: SuccessorSupport;
    /** the successor course in this stream, when it is already decided */
    successorSupportId?: string;
  };
};

export type SupportEvent =
  | SupportDecided
  | SupportStarted
  | CtiPhaseAdvanced
  | SupportIntensityAdjusted
  | ContactAttempted
  | ContactLost
  | ContactRestored
  | SupportPaused
  | SupportResumed
  | SupportEnded;

// ---------------------------------------------------------------------------------------------------------------
// Commands

type CourseCommand = { citizenId: string; supportId: string; occurredAt: Date };

export type DecideSupport = CourseCommand & {
  type: 'DecideSupport';
  method: SupportMethod;
  providerUnitId: string;
  decidedBeforeShelterDischarge: boolean;
};
export type StartSupport = CourseCommand & { type: 'StartSupport' };
export type AdvanceCtiPhase = CourseCommand & { type: 'AdvanceCtiPhase'; phase: CtiPhase };
export type AdjustSupportIntensity = CourseCommand & {
  type: 'AdjustSupportIntensity';
  level: SupportIntensityLevel;
  plannedContactsPerWeek?: number;
};
export type RecordContactAttempt = CourseCommand & {
  type: 'RecordContactAttempt';
  channel: ContactChannel;
  outcome: ContactOutcome;
};
export type RecordContactLost = CourseCommand & { type: 'RecordContactLost' };
export type RecordContactRestored = CourseCommand & {
  type: 'RecordContactRestored';
  channel: ContactChannel;
};
export type PauseSupport = CourseCommand & {
  type: 'PauseSupport';
  reason: SupportPauseReason;
  institutionStayId?: string;
};
export type ResumeSupport = CourseCommand & { type: 'ResumeSupport'; institutionStayId?: string };
export type EndSupport = CourseCommand & {
  type: 'EndSupport';
  endKind: SupportEndKind;
  reason: SupportEndReason;
  successorSupport: SuccessorSupport;
  successorSupportId?: string;
};

export type SupportCommand =
  | DecideSupport
  | StartSupport
  | AdvanceCtiPhase
  | AdjustSupportIntensity
  | RecordContactAttempt
  | RecordContactLost
  | RecordContactRestored
  | PauseSupport
  | ResumeSupport
  | EndSupport;

// ---------------------------------------------------------------------------------------------------------------
// State

export type SupportCourseStatus = 'decided' | 'active' | 'paused' | 'ended';

export type SupportCourse = {
  supportId: string;
  method: SupportMethod;
  legalBasis: SupportLegalBasis;
  providerUnitId: string;
  status: SupportCourseStatus;
  decidedAt: string;
  startedAt: string | null;
  ctiPhase: CtiPhase | null;
  ctiPhaseSince: string | null;
  intensity: SupportIntensityLevel | null;
  lastContactAt: string | null;
  contactLost: boolean;
  pause: { reason: SupportPauseReason; since: string; institutionStayId: string | null } | null;
  endedAt: string | null;
};

export type SupportState = { courses: Record<string, SupportCourse> };

/** Started, not paused, not ended: the courses an admission or prison intake pauses. */
export function activeSupportCourses(state: SupportState): SupportCourse[] {
  return Object.values(state.courses).filter((course) => course.status === 'active');
}

/**
 * Courses that a discharge or release should resume: paused by that very admission or prison stay, or paused by
 * hand for the same reason without a reference to any stay (recorded before the institution notice arrived).
 */
export function supportCoursesPausedFor(
  state: SupportState,
  institutionStayId: string,
  reason: SupportPauseReason,
): SupportCourse[] {
  return Object.values(state.courses).filter(
    (course) =>
      course.status === 'paused' &&
      course.pause !== null &&
      (course.pause.institutionStayId === institutionStayId ||
        (course.pause.institutionStayId === null && course.pause.reason === reason)),
  );
}

/** Decided and not ended: serviceloven chapter 16 support, which opens retssikkerhedsloven §12 c exchange. */
export function hasChapter16Support(state: SupportState): boolean {
  return Object.values(state.courses).some((course) => course.status !== 'ended');
}

// ---------------------------------------------------------------------------------------------------------------
// Decider

const ms = (iso: string): number => Date.parse(iso);

function courseData(command: CourseCommand, course: SupportCourse): CourseData {
  return {
    citizenId: command.citizenId,
    occurredAt: command.occurredAt.toISOString(),
    supportId: course.supportId,
    method: course.method,
    legalBasis: course.legalBasis,
  };
}

function courseOf(state: SupportState, supportId: string): SupportCourse {
  const course = Object.hasOwn(state.courses, supportId) ? state.courses[supportId] : undefined;
  if (!course) {
    throw new DomainError('not-found', 'support-not-found', 'No support course with this supportId', {
      supportId,
    });
  }
  return course;
}

function assertNotEnded(course: SupportCourse): void {
  if (course.status === 'ended') {
    throw new DomainError('conflict', 'support-already-ended', 'The support course has ended', {
      supportId: course.supportId,
      endedAt: course.endedAt,
    });
  }
}

function assertStarted(course: SupportCourse): void {
  assertNotEnded(course);
  if (course.status === 'decided') {
    throw new DomainError('conflict', 'support-not-started', 'The support course has not started', {
      supportId: course.supportId,
    });
  }
}

function assertNotBefore(
  command: CourseCommand,
  earliest: string | null,
  code: string,
  message: string,
  field: string,
): void {
  if (earliest !== null && command.occurredAt.getTime() < ms(earliest)) {
    throw new DomainError('rule-violation', code, message, {
      supportId: command.supportId,
      [field]: earliest,
    });
  }
}

function decideSupport(command: DecideSupport, state: SupportState): SupportEvent[] {
  if (Object.hasOwn(state.courses, command.supportId)) {
    throw new DomainError('conflict', 'support-id-reused', 'A support course with this supportId exists', {
      supportId: command.supportId,
    });
  }
  return [
    {
      type: 'SupportDecided',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        supportId: command.supportId,
        method: command.method,
        legalBasis: SUPPORT_LEGAL_BASIS[command.method],
        providerUnitId: command.providerUnitId,
        decidedBeforeShelterDischarge: command.decidedBeforeShelterDischarge,
      },
    },
  ];
}

function startSupport(command: StartSupport, course: SupportCourse): SupportEvent[] {
  assertNotEnded(course);
  if (course.status !== 'decided') {
    throw new DomainError('conflict', 'support-already-started', 'The support course has already started', {
      supportId: course.supportId,
      startedAt: course.startedAt,
    });
  }
  assertNotBefore(
    command,
    course.decidedAt,
    'support-start-before-decision',
    'A course cannot start before it was decided',
    'decidedAt',
  );
  return [{ type: 'SupportStarted', data: courseData(command, course) }];
}

function advanceCtiPhase(command: AdvanceCtiPhase, course: SupportCourse): SupportEvent[] {
  if (course.method !== 'cti') {
    throw new DomainError('rule-violation', 'cti-phase-only-for-cti', 'Only a CTI course has phases', {
      supportId: course.supportId,
      method: course.method,
    });
  }
  assertStarted(course);
  const current = CTI_PHASES.indexOf(course.ctiPhase ?? 'contact');
  const next = CTI_PHASES.indexOf(command.phase);
  if (next <= current) {
    throw new DomainError(
      'conflict',
      'cti-phase-not-forward',
      'A CTI phase can be entered only once, in order',
      {
        supportId: course.supportId,
        currentPhase: CTI_PHASES[current],
        phase: command.phase,
      },
    );
  }
  if (next > current + 1) {
    throw new DomainError('rule-violation', 'cti-phase-skipped', 'CTI phases cannot be skipped', {
      supportId: course.supportId,
      currentPhase: CTI_PHASES[current],
      phase: command.phase,
      expectedPhase: CTI_PHASES[current + 1],
    });
  }
  assertNotBefore(
    command,
    course.ctiPhaseSince,
    'cti-phase-before-previous',
    'A CTI phase cannot begin before the previous one',
    'previousPhaseSince',
  );
  const phase = command.phase as Exclude<CtiPhase, 'contact'>;
  return [
    {
      type: 'CtiPhaseAdvanced',
      data: {
        ...courseData(command, course),
        phase,
        previousPhase: CTI_PHASES[current],
        ...(phase === 'phase-1'
          ? { plannedEndDate: addMonths(copenhagenDate(command.occurredAt), CTI_DURATION_MONTHS) }
          : {}),
      },
    },
  ];
}

function adjustIntensity(command: AdjustSupportIntensity, course: SupportCourse): SupportEvent[] {
  assertNotEnded(course);
  assertNotBefore(
    command,
    course.decidedAt,
    'support-adjusted-before-decision',
    'Intensity cannot be adjusted before the course was decided',
    'decidedAt',
  );
  return [
    {
      type: 'SupportIntensityAdjusted',
      data: {
        ...courseData(command, course),
        level: command.level,
        previousLevel: course.intensity,
        ...(command.plannedContactsPerWeek !== undefined
          ? { plannedContactsPerWeek: command.plannedContactsPerWeek }
          : {}),
      },
    },
  ];
}

/** A reached attempt on a course whose contact was lost also records that contact is restored. */
function recordContactAttempt(command: RecordContactAttempt, course: SupportCourse): SupportEvent[] {
  assertNotEnded(course);
  assertNotBefore(
    command,
    course.decidedAt,
    'contact-attempt-before-decision',
    'A contact attempt for a course cannot precede its decision',
    'decidedAt',
  );
  const events: SupportEvent[] = [
    {
      type: 'ContactAttempted',
      data: { ...courseData(command, course), channel: command.channel, outcome: command.outcome },
    },
  ];
  if (course.contactLost && command.outcome === 'reached') {
    events.push({
      type: 'ContactRestored',
      data: { ...courseData(command, course), channel: command.channel },
    });
  }
  return events;
}

/**
 * Only an active course can lose contact: while paused the citizen is known to be in hospital or prison, and
 * before the start there is no contact to lose.
 */
function recordContactLost(command: RecordContactLost, course: SupportCourse): SupportEvent[] {
  assertStarted(course);
  if (course.status !== 'active') {
    throw new DomainError('conflict', 'support-not-active', 'The support course is paused', {
      supportId: course.supportId,
    });
  }
  if (course.contactLost) {
    throw new DomainError('conflict', 'contact-already-lost', 'Contact is already recorded as lost', {
      supportId: course.supportId,
    });
  }
  const lastContactAt = course.lastContactAt ?? (course.startedAt as string);
  const days = Math.floor((command.occurredAt.getTime() - ms(lastContactAt)) / 86_400_000);
  if (days <= CONTACT_LOST_AFTER_DAYS) {
    throw new DomainError(
      'rule-violation',
      'contact-lost-within-three-weeks',
      `Contact counts as lost only after more than ${CONTACT_LOST_AFTER_DAYS} days without contact`,
      { supportId: course.supportId, lastContactAt, daysWithoutContact: days },
    );
  }
  return [
    {
      type: 'ContactLost',
      data: { ...courseData(command, course), lastContactAt, daysWithoutContact: days },
    },
  ];
}

function recordContactRestored(command: RecordContactRestored, course: SupportCourse): SupportEvent[] {
  assertNotEnded(course);
  if (!course.contactLost) {
    throw new DomainError('conflict', 'contact-not-lost', 'Contact is not recorded as lost', {
      supportId: course.supportId,
    });
  }
  return [{ type: 'ContactRestored', data: { ...courseData(command, course), channel: command.channel } }];
}

/**
 * Pausing an already paused course is a no-op, not an error: the institution process pauses courses as a
 * second append after recording an admission, and a retry of that request must be able to run again.
 */
function pauseSupport(command: PauseSupport, course: SupportCourse): SupportEvent[] {
  assertStarted(course);
  if (course.status === 'paused') return [];
  assertNotBefore(
    command,
    course.startedAt,
    'support-pause-before-start',
    'A course cannot be paused before it started',
    'startedAt',
  );
  return [
    {
      type: 'SupportPaused',
      data: {
        ...courseData(command, course),
        reason: command.reason,
        ...(command.institutionStayId !== undefined ? { institutionStayId: command.institutionStayId } : {}),
      },
    },
  ];
}

function resumeSupport(command: ResumeSupport, course: SupportCourse): SupportEvent[] {
  assertStarted(course);
  if (course.status !== 'paused' || course.pause === null) {
    throw new DomainError('conflict', 'support-not-paused', 'The support course is not paused', {
      supportId: course.supportId,
    });
  }
  assertNotBefore(
    command,
    course.pause.since,
    'support-resume-before-pause',
    'A course cannot be resumed before it was paused',
    'pausedSince',
  );
  const stayId = command.institutionStayId ?? course.pause.institutionStayId ?? undefined;
  return [
    {
      type: 'SupportResumed',
      data: {
        ...courseData(command, course),
        pausedReason: course.pause.reason,
        pausedSince: course.pause.since,
        ...(stayId !== undefined ? { institutionStayId: stayId } : {}),
      },
    },
  ];
}

function endSupport(command: EndSupport, course: SupportCourse, state: SupportState): SupportEvent[] {
  assertNotEnded(course);
  if (!END_REASONS_BY_KIND[command.endKind].includes(command.reason)) {
    throw new DomainError(
      'rule-violation',
      'support-end-reason-not-allowed',
      `Reason ${command.reason} does not fit a ${command.endKind} end`,
      {
        supportId: course.supportId,
        endKind: command.endKind,
        allowed: END_REASONS_BY_KIND[command.endKind],
      },
    );
  }
  if (
    command.endKind === 'planned' &&
    METHODS_REQUIRING_SUCCESSOR.includes(course.method) &&
    command.successorSupport === 'none'
  ) {
    throw new DomainError(
      'rule-violation',
      'planned-end-requires-successor-support',
      'A CTI or ICM course ends as planned only with successor support recorded (Housing First)',
      { supportId: course.supportId, method: course.method },
    );
  }
  if (command.successorSupportId !== undefined) assertSuccessor(command, course, state);
  assertNotBefore(
    command,
    course.startedAt ?? course.decidedAt,
    'support-end-before-start',
    'A course cannot end before it started (or, if it never started, before it was decided)',
    'since',
  );
  return [
    {
      type: 'SupportEnded',
      data: {
        ...courseData(command, course),
        endKind: command.endKind,
        reason: command.reason,
        successorSupport: command.successorSupport,
        ...(command.successorSupportId !== undefined
          ? { successorSupportId: command.successorSupportId }
          : {}),
      },
    },
  ];
}

function assertSuccessor(command: EndSupport, course: SupportCourse, state: SupportState): void {
  const successorId = command.successorSupportId as string;
  if (!Object.hasOwn(state.courses, successorId)) {
    throw new DomainError('not-found', 'successor-support-not-found', 'No support course with this id', {
      successorSupportId: successorId,
    });
  }
  const successor = state.courses[successorId];
  const mismatch =
    successorId === course.supportId
      ? 'same-course'
      : successor.status === 'ended'
        ? 'successor-ended'
        : successor.method !== command.successorSupport
          ? 'method-differs'
          : null;
  if (mismatch !== null) {
    throw new DomainError(
      'rule-violation',
      'successor-support-mismatch',
      'successorSupportId must name another, not ended course of the successorSupport method',
      { supportId: course.supportId, successorSupportId: successorId, mismatch },
    );
  }
}

export const supportDecider: Decider<SupportCommand, SupportState, SupportEvent> = {
  initialState: () => ({ courses: {} }),

  decide(command, state, now) {
    assertOccurredAtAcceptable(command.occurredAt, now);
    switch (command.type) {
      case 'DecideSupport':
        return decideSupport(command, state);
      case 'StartSupport':
        return startSupport(command, courseOf(state, command.supportId));
      case 'AdvanceCtiPhase':
        return advanceCtiPhase(command, courseOf(state, command.supportId));
      case 'AdjustSupportIntensity':
        return adjustIntensity(command, courseOf(state, command.supportId));
      case 'RecordContactAttempt':
        return recordContactAttempt(command, courseOf(state, command.supportId));
      case 'RecordContactLost':
        return recordContactLost(command, courseOf(state, command.supportId));
      case 'RecordContactRestored':
        return recordContactRestored(command, courseOf(state, command.supportId));
      case 'PauseSupport':
        return pauseSupport(command, courseOf(state, command.supportId));
      case 'ResumeSupport':
        return resumeSupport(command, courseOf(state, command.supportId));
      case 'EndSupport':
        return endSupport(command, courseOf(state, command.supportId), state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const update = (changes: Partial<SupportCourse>): SupportState => {
      const course = state.courses[event.data.supportId];
      return { courses: { ...state.courses, [course.supportId]: { ...course, ...changes } } };
    };
    switch (event.type) {
      case 'SupportDecided': {
        const d = event.data;
        return {
          courses: {
            ...state.courses,
            [d.supportId]: {
              supportId: d.supportId,
              method: d.method,
              legalBasis: d.legalBasis,
              providerUnitId: d.providerUnitId,
              status: 'decided',
              decidedAt: d.occurredAt,
              startedAt: null,
              ctiPhase: null,
              ctiPhaseSince: null,
              intensity: null,
              lastContactAt: null,
              contactLost: false,
              pause: null,
              endedAt: null,
            },
          },
        };
      }
      case 'SupportStarted':
        return update({
          status: 'active',
          startedAt: event.data.occurredAt,
          lastContactAt: event.data.occurredAt,
          ...(event.data.method === 'cti'
            ? { ctiPhase: 'contact', ctiPhaseSince: event.data.occurredAt }
            : {}),
        });
      case 'CtiPhaseAdvanced':
        return update({ ctiPhase: event.data.phase, ctiPhaseSince: event.data.occurredAt });
      case 'SupportIntensityAdjusted':
        return update({ intensity: event.data.level });
      case 'ContactAttempted':
        return event.data.outcome === 'reached' ? update({ lastContactAt: event.data.occurredAt }) : state;
      case 'ContactLost':
        return update({ contactLost: true });
      case 'ContactRestored':
        return update({ contactLost: false, lastContactAt: event.data.occurredAt });
      case 'SupportPaused':
        return update({
          status: 'paused',
          pause: {
            reason: event.data.reason,
            since: event.data.occurredAt,
            institutionStayId: event.data.institutionStayId ?? null,
          },
        });
      case 'SupportResumed':
        return update({ status: 'active', pause: null });
      case 'SupportEnded':
        return update({ status: 'ended', endedAt: event.data.occurredAt });
      default:
        return assertNever(event);
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Timeline

const METHOD_TEXT: Record<SupportMethod, string> = {
  'section-85': '§85 bostøtte',
  cti: 'CTI',
  icm: 'ICM',
  act: 'ACT',
  'm-act': 'M-ACT',
  aftercare: 'aftercare',
};

const PHASE_TEXT: Record<CtiPhase, string> = {
  contact: 'contact period',
  'phase-1': 'phase 1',
  'phase-2': 'phase 2',
  'phase-3': 'phase 3',
};

const PAUSE_TEXT: Record<SupportPauseReason, string> = {
  'hospital-admission': 'hospital admission',
  'psychiatric-admission': 'psychiatric admission',
  prison: 'prison',
  other: 'other reason',
};

const CHANNEL_TEXT: Record<ContactChannel, string> = {
  'home-visit': 'home visit',
  phone: 'phone',
  sms: 'SMS',
  outreach: 'outreach',
  'office-meeting': 'office meeting',
  'via-shelter': 'via the shelter',
  'via-network': 'via the network',
  letter: 'letter',
};

/** Built from codes, unit ids and dates only: no names, no health details. */
export function summarizeSupport(event: SupportEvent): string {
  const method = METHOD_TEXT[event.data.method];
  switch (event.type) {
    case 'SupportDecided':
      return `${method} support decided (${event.data.legalBasis}), provider ${event.data.providerUnitId}; ${
        event.data.decidedBeforeShelterDischarge ? 'decided before' : 'not decided before'
      } shelter discharge`;
    case 'SupportStarted':
      return event.data.method === 'cti'
        ? 'CTI support started: contact period'
        : `${method} support started`;
    case 'CtiPhaseAdvanced': {
      const text = `CTI advanced from ${PHASE_TEXT[event.data.previousPhase]} to ${PHASE_TEXT[event.data.phase]}`;
      return event.data.plannedEndDate ? `${text}; 9-month CTI ends ${event.data.plannedEndDate}` : text;
    }
    case 'SupportIntensityAdjusted': {
      const from = event.data.previousLevel ? ` from ${event.data.previousLevel}` : '';
      const perWeek =
        event.data.plannedContactsPerWeek !== undefined
          ? ` (${event.data.plannedContactsPerWeek} contacts a week)`
          : '';
      return `${method} intensity adjusted${from} to ${event.data.level}${perWeek}`;
    }
    case 'ContactAttempted':
      return `${method} contact attempt by ${CHANNEL_TEXT[event.data.channel]}: ${event.data.outcome.replace('-', ' ')}`;
    case 'ContactLost':
      return `${method} contact lost: no contact for ${days(event.data.daysWithoutContact)} (since ${copenhagenDate(event.data.lastContactAt)})`;
    case 'ContactRestored':
      return `${method} contact restored (${CHANNEL_TEXT[event.data.channel]})`;
    case 'SupportPaused':
      return `${method} support paused: ${PAUSE_TEXT[event.data.reason]} (not ended)`;
    case 'SupportResumed': {
      const paused = daysBetween(
        copenhagenDate(event.data.pausedSince),
        copenhagenDate(event.data.occurredAt),
      );
      return `${method} support resumed after ${PAUSE_TEXT[event.data.pausedReason]} (paused ${days(paused)})`;
    }
    case 'SupportEnded': {
      const successor =
        event.data.successorSupport === 'none'
          ? 'no successor support'
          : `successor ${METHOD_TEXT[event.data.successorSupport]}`;
      return `${method} support ended (${event.data.endKind}, ${event.data.reason}); ${successor}`;
    }
    default:
      return assertNever(event);
  }
}

export const supportProcess: ProcessDefinition<SupportCommand, SupportState, SupportEvent> = {
  name: 'support',
  streamId: supportStreamId,
  decider: supportDecider,
  // The statute depends on the course's method (§85 or §85a), so it is in each event's data, not fixed here.
  events: {
    SupportDecided: { schemaVersion: 1, category: 'support' },
    SupportStarted: { schemaVersion: 1, category: 'support' },
    CtiPhaseAdvanced: { schemaVersion: 1, category: 'support', legalBasis: 'serviceloven §85a' },
    SupportIntensityAdjusted: { schemaVersion: 1, category: 'support' },
    ContactAttempted: { schemaVersion: 1, category: 'support' },
    ContactLost: { schemaVersion: 1, category: 'support' },
    ContactRestored: { schemaVersion: 1, category: 'support' },
    SupportPaused: { schemaVersion: 1, category: 'support' },
    SupportResumed: { schemaVersion: 1, category: 'support' },
    SupportEnded: { schemaVersion: 1, category: 'support' },
  },
  summarize: summarizeSupport,
};
