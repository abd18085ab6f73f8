import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition, Upcaster } from '../process';
import { summarizeShelterStay } from '../timeline/summaries';
import { assertKnownMunicipality, assertOccurredAtAcceptable } from '../rules';

/**
 * §110 shelter stays (serviceloven §110: forsorgshjem/herberg).
 *
 * Modelled as ONE stream per citizen holding all of that citizen's stays, rather than one stream per stay:
 * the invariant "at most one open stay per citizen" (and "no admission before the previous discharge") then
 * spans a single stream and is enforced by the stream's optimistic concurrency, without cross-stream locks or
 * a reservation table. Stays are still addressed by their own `stayId` inside the stream.
 */
export function shelterStaysStreamId(citizenId: string): string {
  return `shelter-stays-${citizenId}`;
}

export const SHELTER_DISCHARGE_DESTINATIONS = [
  'own-home',
  'transitional-housing',
  'other-shelter',
  'family-or-friends',
  'hospital',
  'prison',
  'street',
  'unknown',
] as const;

export type ShelterDischargeDestination = (typeof SHELTER_DISCHARGE_DESTINATIONS)[number];

export type ShelterReferral = 'self-referred' | 'referred';

/**
 * Why the citizen is at the shelter as far as housing goes: they have no home, or they have one they cannot use
 * (e.g. because of violence or threats there). Replaced the v1 flag `hasHomeButCannotUseIt`.
 */
export const HOME_SITUATIONS = ['no-home', 'home-cannot-be-used'] as const;
export type HomeSituation = (typeof HOME_SITUATIONS)[number];

/** How the shelter told the handlekommune about the stay (§110 stk. 6). */
export const HANDLEKOMMUNE_NOTICE_CHANNELS = [
  /** sikker mail between authorities */
  'secure-email',
  'digital-post',
  'phone',
  'letter',
  /** through this system's API */
  'this-system',
] as const;
export type HandlekommuneNoticeChannel = (typeof HANDLEKOMMUNE_NOTICE_CHANNELS)[number];

export const AFTERCARE_END_REASONS = [
  'completed',
  'citizen-declined',
  'contact-lost',
  'readmitted',
  'other',
] as const;
export type AftercareEndReason = (typeof AFTERCARE_END_REASONS)[number];

/**
 * The five conditions of serviceloven §110 stk. 5, all of which must hold before the municipality may decide
 * a discharge, in the order the statute lists them.
 */
export const SECTION_110_DISCHARGE_CONDITIONS = [
  /** a §141 action plan (or §142 plan) exists */
  'actionPlan',
  /** a home, or a place in a §107/§108 residence, is available */
  'homeOrPlace',
  /** support (e.g. §85 or §85a) is decided */
  'supportDecided',
  'leaseSigned',
  'moveInPossible',
] as const;
export type Section110DischargeCondition = (typeof SECTION_110_DISCHARGE_CONDITIONS)[number];
export type Section110DischargeConditions = Record<Section110DischargeCondition, boolean>;

// ---------------------------------------------------------------------------------------------------- events

/** Schema version 2: `homeSituation` replaced v1's `hasHomeButCannotUseIt: boolean` (see the upcaster). */
export type ShelterAdmissionRecorded = {
  type: 'ShelterAdmissionRecorded';
  data: {
    citizenId: string;
    stayId: string;
    occurredAt: string;
    /** The shelter unit's id. */
    shelterId: string;
    shelterName: string;
    /** Municipality code of the shelter's location; may differ from handlekommune. */
    municipalityOfStay: string;
    handlekommune: string;
    referral: ShelterReferral;
    homeSituation: HomeSituation;
  };
};

export type ShelterDischargeRecorded = {
  type: 'ShelterDischargeRecorded';
  data: {
    citizenId: string;
    stayId: string;
    occurredAt: string;
    destination: ShelterDischargeDestination;
    planned: boolean;
  };
};

export type HandlekommuneNotified = {
  type: 'HandlekommuneNotified';
  data: {
    citizenId: string;
    stayId: string;
    occurredAt: string;
    /** the municipality that was notified: the stay's handlekommune */
    handlekommune: string;
    channel: HandlekommuneNoticeChannel;
  };
};

/** The shelter's own plan for the stay; not the municipality's §141 action plan (that is the plan process). */
export type StayPlanMade = {
  type: 'StayPlanMade';
  data: { citizenId: string; stayId: string; occurredAt: string };
};

export type MunicipalDischargeDecided = {
  type: 'MunicipalDischargeDecided';
  data: {
    citizenId: string;
    stayId: string;
    occurredAt: string;
    /** the deciding municipality: the stay's handlekommune */
    handlekommune: string;
    /** the attested §110 stk. 5 conditions (all true, or the decision would have been refused) */
    conditions: Section110DischargeConditions;
  };
};

export type AftercareStarted = {
  type: 'AftercareStarted';
  data: { citizenId: string; stayId: string; occurredAt: string };
};

export type AftercareEnded = {
  type: 'AftercareEnded';
  data: { citizenId: string; stayId: string; occurredAt: string; reason: AftercareEndReason };
};

export type ShelterStayEvent =
  | ShelterAdmissionRecorded
  | ShelterDischargeRecorded
  | HandlekommuneNotified
  | StayPlanMade
  | MunicipalDischargeDecided
  | AftercareStarted
  | AftercareEnded;

/** ShelterAdmissionRecorded v1 → v2: the boolean flag becomes the explicit home situation. */
export const upcastShelterAdmissionV1: Upcaster = (data) => {
  const { hasHomeButCannotUseIt, ...rest } = data;
  const homeSituation: HomeSituation = hasHomeButCannotUseIt === true ? 'home-cannot-be-used' : 'no-home';
  return { ...rest, homeSituation };
};

// -------------------------------------------------------------------------------------------------- commands

export type RecordShelterAdmission = {
  type: 'RecordShelterAdmission';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  shelterId: string;
  shelterName: string;
  municipalityOfStay: string;
  handlekommune: string;
  referral: ShelterReferral;
  homeSituation: HomeSituation;
};

export type RecordShelterDischarge = {
  type: 'RecordShelterDischarge';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  destination: ShelterDischargeDestination;
  planned: boolean;
};

export type RecordHandlekommuneNotified = {
  type: 'RecordHandlekommuneNotified';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  channel: HandlekommuneNoticeChannel;
};

export type RecordStayPlan = {
  type: 'RecordStayPlan';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
};

/** The five facts come from whoever builds the command: today the caseworker attests them. */
export type DecideMunicipalDischarge = {
  type: 'DecideMunicipalDischarge';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  conditions: Section110DischargeConditions;
};

export type StartAftercare = {
  type: 'StartAftercare';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
};

export type EndAftercare = {
  type: 'EndAftercare';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  reason: AftercareEndReason;
};

export type ShelterStayCommand =
  | RecordShelterAdmission
  | RecordShelterDischarge
  | RecordHandlekommuneNotified
  | RecordStayPlan
  | DecideMunicipalDischarge
  | StartAftercare
  | EndAftercare;

// ----------------------------------------------------------------------------------------------------- state

export type ShelterStay = {
  shelterId: string;
  handlekommune: string;
  admittedAt: string;
  dischargedAt: string | null;
  handlekommuneNotifiedAt: string | null;
  stayPlanMadeAt: string | null;
  municipalDischargeDecidedAt: string | null;
  aftercare: { startedAt: string; endedAt: string | null } | null;
};

export type ShelterStayState = {
  openStay: { stayId: string; shelterId: string; admittedAt: string } | null;
  lastDischargedAt: string | null;
  stays: Record<string, ShelterStay>;
};

const ms = (iso: string): number => Date.parse(iso);

/** Aftercare (efterforsorg) runs at most this long after the discharge. */
export function aftercareLimit(dischargedAt: string): Date {
  const limit = new Date(dischargedAt);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return limit;
}

// -------------------------------------------------------------------------------------------------- decide

function recordAdmission(
  command: RecordShelterAdmission,
  state: ShelterStayState,
  now: Date,
): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  assertKnownMunicipality(command.municipalityOfStay, 'municipalityOfStay');
  assertKnownMunicipality(command.handlekommune, 'handlekommune');
  // Checked before "already open" so that a reused id is reported as such even when it is the open stay's id.
  if (Object.hasOwn(state.stays, command.stayId)) {
    throw new DomainError(
      'conflict',
      'shelter-stay-id-reused',
      'A stay with this stayId was already admitted',
      {
        stayId: command.stayId,
      },
    );
  }
  if (state.openStay) {
    throw new DomainError(
      'conflict',
      'shelter-stay-already-open',
      'The citizen already has an open shelter stay',
      {
        openStayId: state.openStay.stayId,
      },
    );
  }
  // Equal instants are allowed: a same-moment transfer from one shelter to another.
  if (state.lastDischargedAt !== null && command.occurredAt.getTime() < ms(state.lastDischargedAt)) {
    throw new DomainError(
      'rule-violation',
      'admission-before-previous-discharge',
      'Admission cannot precede the discharge from the previous stay',
      { lastDischargedAt: state.lastDischargedAt },
    );
  }
  return [
    {
      type: 'ShelterAdmissionRecorded',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
        shelterId: command.shelterId,
        shelterName: command.shelterName,
        municipalityOfStay: command.municipalityOfStay,
        handlekommune: command.handlekommune,
        referral: command.referral,
        homeSituation: command.homeSituation,
      },
    },
  ];
}

function knownStay(state: ShelterStayState, stayId: string): ShelterStay {
  const stay = state.stays[stayId];
  if (stay === undefined) {
    throw new DomainError('not-found', 'shelter-stay-not-found', 'No shelter stay with this stayId', {
      stayId,
    });
  }
  return stay;
}

/**
 * A stay the shelter still has the citizen in, and a fact that cannot predate the admission (`rule` names the
 * refusal; the discharge has its own, older name).
 */
function openStay(
  state: ShelterStayState,
  command: { stayId: string; occurredAt: Date },
  rule: { code: string; message: string } = {
    code: 'before-admission',
    message: 'This cannot have happened before the admission',
  },
): ShelterStay {
  const stay = knownStay(state, command.stayId);
  if (stay.dischargedAt !== null) {
    throw new DomainError(
      'conflict',
      'shelter-stay-already-discharged',
      'The shelter stay is already discharged',
      {
        stayId: command.stayId,
      },
    );
  }
  if (command.occurredAt.getTime() < ms(stay.admittedAt)) {
    throw new DomainError('rule-violation', rule.code, rule.message, {
      stayId: command.stayId,
      admittedAt: stay.admittedAt,
    });
  }
  return stay;
}

function recordDischarge(
  command: RecordShelterDischarge,
  state: ShelterStayState,
  now: Date,
): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  openStay(state, command, {
    code: 'discharge-before-admission',
    message: 'Discharge cannot precede admission',
  });
  return [
    {
      type: 'ShelterDischargeRecorded',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
        destination: command.destination,
        planned: command.planned,
      },
    },
  ];
}

/**
 * Records that (and how) the shelter notified the handlekommune, §110 stk. 6. The 3-working-day deadline is a
 * clock over this fact and the admission, not a rule here: a late notice is still a notice worth recording.
 * One notice per stay; the duty is met by the first.
 */
function recordHandlekommuneNotified(
  command: RecordHandlekommuneNotified,
  state: ShelterStayState,
  now: Date,
): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const stay = openStay(state, command);
  if (stay.handlekommuneNotifiedAt !== null) {
    throw new DomainError(
      'conflict',
      'handlekommune-already-notified',
      'The handlekommune was already notified of this stay',
      { stayId: command.stayId, notifiedAt: stay.handlekommuneNotifiedAt },
    );
  }
  return [
    {
      type: 'HandlekommuneNotified',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
        handlekommune: stay.handlekommune,
        channel: command.channel,
      },
    },
  ];
}

/** One stay plan per stay; a revision would be a fact of its own. */
function recordStayPlan(command: RecordStayPlan, state: ShelterStayState, now: Date): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const stay = openStay(state, command);
  if (stay.stayPlanMadeAt !== null) {
    throw new DomainError(
      'conflict',
      'stay-plan-already-made',
      'A stay plan was already made for this stay',
      {
        stayId: command.stayId,
        madeAt: stay.stayPlanMadeAt,
      },
    );
  }
  return [
    {
      type: 'StayPlanMade',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
      },
    },
  ];
}

/**
 * Serviceloven §110 stk. 5: the municipality may decide that a stay ends only when ALL five conditions hold.
 * The refusal names every missing condition, so the caseworker sees what is still to be done.
 */
function decideMunicipalDischarge(
  command: DecideMunicipalDischarge,
  state: ShelterStayState,
  now: Date,
): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const stay = openStay(state, command);
  if (stay.municipalDischargeDecidedAt !== null) {
    throw new DomainError(
      'conflict',
      'municipal-discharge-already-decided',
      'A municipal discharge was already decided for this stay',
      { stayId: command.stayId, decidedAt: stay.municipalDischargeDecidedAt },
    );
  }
  const missing = SECTION_110_DISCHARGE_CONDITIONS.filter(
    (condition) => command.conditions[condition] !== true,
  );
  if (missing.length > 0) {
    throw new DomainError(
      'rule-violation',
      'section-110-discharge-conditions-not-met',
      'Serviceloven §110 stk. 5: the municipality may decide a discharge only when all five conditions hold',
      { stayId: command.stayId, missing },
    );
  }
  return [
    {
      type: 'MunicipalDischargeDecided',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
        handlekommune: stay.handlekommune,
        conditions: {
          actionPlan: true,
          homeOrPlace: true,
          supportDecided: true,
          leaseSigned: true,
          moveInPossible: true,
        },
      },
    },
  ];
}

function assertWithinAftercareYear(stayId: string, dischargedAt: string, occurredAt: Date): void {
  const limit = aftercareLimit(dischargedAt);
  if (occurredAt.getTime() > limit.getTime()) {
    throw new DomainError(
      'rule-violation',
      'aftercare-beyond-one-year',
      'Aftercare runs at most one year after the discharge',
      { stayId, dischargedAt, limit: limit.toISOString() },
    );
  }
}

/** Efterforsorg follows a discharge and runs up to a year after it; once per stay. */
function startAftercare(command: StartAftercare, state: ShelterStayState, now: Date): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const stay = knownStay(state, command.stayId);
  if (stay.dischargedAt === null) {
    throw new DomainError(
      'conflict',
      'shelter-stay-not-discharged',
      'Aftercare starts after the discharge; the stay is still open',
      { stayId: command.stayId },
    );
  }
  if (stay.aftercare !== null) {
    throw new DomainError(
      'conflict',
      'aftercare-already-started',
      'Aftercare was already started for this stay',
      {
        stayId: command.stayId,
        startedAt: stay.aftercare.startedAt,
      },
    );
  }
  if (command.occurredAt.getTime() < ms(stay.dischargedAt)) {
    throw new DomainError(
      'rule-violation',
      'aftercare-before-discharge',
      'Aftercare cannot start before the discharge',
      { stayId: command.stayId, dischargedAt: stay.dischargedAt },
    );
  }
  assertWithinAftercareYear(command.stayId, stay.dischargedAt, command.occurredAt);
  return [
    {
      type: 'AftercareStarted',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
      },
    },
  ];
}

/**
 * An end after the one-year limit is refused: aftercare has lapsed by then, which a clock derives from the
 * discharge without anyone recording it.
 */
function endAftercare(command: EndAftercare, state: ShelterStayState, now: Date): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const stay = knownStay(state, command.stayId);
  if (stay.aftercare === null || stay.dischargedAt === null) {
    throw new DomainError('conflict', 'aftercare-not-started', 'No aftercare was started for this stay', {
      stayId: command.stayId,
    });
  }
  if (stay.aftercare.endedAt !== null) {
    throw new DomainError(
      'conflict',
      'aftercare-already-ended',
      'Aftercare for this stay has already ended',
      {
        stayId: command.stayId,
        endedAt: stay.aftercare.endedAt,
      },
    );
  }
  if (command.occurredAt.getTime() < ms(stay.aftercare.startedAt)) {
    throw new DomainError(
      'rule-violation',
      'aftercare-end-before-start',
      'Aftercare cannot end before it started',
      { stayId: command.stayId, startedAt: stay.aftercare.startedAt },
    );
  }
  assertWithinAftercareYear(command.stayId, stay.dischargedAt, command.occurredAt);
  return [
    {
      type: 'AftercareEnded',
      data: {
        citizenId: command.citizenId,
        stayId: command.stayId,
        occurredAt: command.occurredAt.toISOString(),
        reason: command.reason,
      },
    },
  ];
}

// -------------------------------------------------------------------------------------------------- evolve

function updateStay(
  state: ShelterStayState,
  stayId: string,
  update: (stay: ShelterStay) => ShelterStay,
): ShelterStayState {
  const stay = state.stays[stayId];
  return stay === undefined ? state : { ...state, stays: { ...state.stays, [stayId]: update(stay) } };
}

export const shelterStayDecider: Decider<ShelterStayCommand, ShelterStayState, ShelterStayEvent> = {
  initialState: () => ({ openStay: null, lastDischargedAt: null, stays: {} }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RecordShelterAdmission':
        return recordAdmission(command, state, now);
      case 'RecordShelterDischarge':
        return recordDischarge(command, state, now);
      case 'RecordHandlekommuneNotified':
        return recordHandlekommuneNotified(command, state, now);
      case 'RecordStayPlan':
        return recordStayPlan(command, state, now);
      case 'DecideMunicipalDischarge':
        return decideMunicipalDischarge(command, state, now);
      case 'StartAftercare':
        return startAftercare(command, state, now);
      case 'EndAftercare':
        return endAftercare(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ShelterAdmissionRecorded':
        return {
          ...state,
          openStay: {
            stayId: event.data.stayId,
            shelterId: event.data.shelterId,
            admittedAt: event.data.occurredAt,
          },
          stays: {
            ...state.stays,
            [event.data.stayId]: {
              shelterId: event.data.shelterId,
              handlekommune: event.data.handlekommune,
              admittedAt: event.data.occurredAt,
              dischargedAt: null,
              handlekommuneNotifiedAt: null,
              stayPlanMadeAt: null,
              municipalDischargeDecidedAt: null,
              aftercare: null,
            },
          },
        };
      case 'ShelterDischargeRecorded':
        return {
          ...updateStay(state, event.data.stayId, (stay) => ({
            ...stay,
            dischargedAt: event.data.occurredAt,
          })),
          openStay: state.openStay?.stayId === event.data.stayId ? null : state.openStay,
          lastDischargedAt: event.data.occurredAt,
        };
      case 'HandlekommuneNotified':
        return updateStay(state, event.data.stayId, (stay) => ({
          ...stay,
          handlekommuneNotifiedAt: event.data.occurredAt,
        }));
      case 'StayPlanMade':
        return updateStay(state, event.data.stayId, (stay) => ({
          ...stay,
          stayPlanMadeAt: event.data.occurredAt,
        }));
      case 'MunicipalDischargeDecided':
        return updateStay(state, event.data.stayId, (stay) => ({
          ...stay,
          municipalDischargeDecidedAt: event.data.occurredAt,
        }));
      case 'AftercareStarted':
        return updateStay(state, event.data.stayId, (stay) => ({
          ...stay,
          aftercare: { startedAt: event.data.occurredAt, endedAt: null },
        }));
      case 'AftercareEnded':
        return updateStay(state, event.data.stayId, (stay) => ({
          ...stay,
          aftercare: stay.aftercare && { ...stay.aftercare, endedAt: event.data.occurredAt },
        }));
      default:
        return assertNever(event);
    }
  },
};

const SECTION_110 = { schemaVersion: 1, category: 'shelter', legalBasis: 'serviceloven §110' } as const;

export const shelterStayProcess: ProcessDefinition<ShelterStayCommand, ShelterStayState, ShelterStayEvent> = {
  name: 'shelter-stay',
  streamId: shelterStaysStreamId,
  decider: shelterStayDecider,
  events: {
    ShelterAdmissionRecorded: {
      ...SECTION_110,
      schemaVersion: 2,
      upcasters: { 1: upcastShelterAdmissionV1 },
    },
    ShelterDischargeRecorded: SECTION_110,
    HandlekommuneNotified: { ...SECTION_110, legalBasis: 'serviceloven §110 stk. 6' },
    StayPlanMade: SECTION_110,
    MunicipalDischargeDecided: { ...SECTION_110, legalBasis: 'serviceloven §110 stk. 5' },
    AftercareStarted: SECTION_110,
    AftercareEnded: SECTION_110,
  },
  summarize: summarizeShelterStay,
};
