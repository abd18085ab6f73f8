import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
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
    hasHomeButCannotUseIt: boolean;
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

export type ShelterStayEvent = ShelterAdmissionRecorded | ShelterDischargeRecorded;

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
  hasHomeButCannotUseIt: boolean;
};

export type RecordShelterDischarge = {
  type: 'RecordShelterDischarge';
  citizenId: string;
  stayId: string;
  occurredAt: Date;
  destination: ShelterDischargeDestination;
  planned: boolean;
};

export type ShelterStayCommand = RecordShelterAdmission | RecordShelterDischarge;

export type ShelterStayState = {
  openStay: { stayId: string; shelterId: string; admittedAt: string } | null;
  lastDischargedAt: string | null;
  stays: Record<string, 'open' | 'discharged'>;
};

const ms = (iso: string): number => Date.parse(iso);

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
        hasHomeButCannotUseIt: command.hasHomeButCannotUseIt,
      },
    },
  ];
}

function recordDischarge(
  command: RecordShelterDischarge,
  state: ShelterStayState,
  now: Date,
): ShelterStayEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  if (!Object.hasOwn(state.stays, command.stayId)) {
    throw new DomainError('not-found', 'shelter-stay-not-found', 'No shelter stay with this stayId', {
      stayId: command.stayId,
    });
  }
  // Only one stay can be open, so every other known stay has been discharged.
  const open = state.openStay;
  if (open === null || open.stayId !== command.stayId) {
    throw new DomainError(
      'conflict',
      'shelter-stay-already-discharged',
      'The shelter stay is already discharged',
      {
        stayId: command.stayId,
      },
    );
  }
  if (command.occurredAt.getTime() < ms(open.admittedAt)) {
    throw new DomainError(
      'rule-violation',
      'discharge-before-admission',
      'Discharge cannot precede admission',
      {
        stayId: command.stayId,
        admittedAt: open.admittedAt,
      },
    );
  }
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

export const shelterStayDecider: Decider<ShelterStayCommand, ShelterStayState, ShelterStayEvent> = {
  initialState: () => ({ openStay: null, lastDischargedAt: null, stays: {} }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RecordShelterAdmission':
        return recordAdmission(command, state, now);
      case 'RecordShelterDischarge':
        return recordDischarge(command, state, now);
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
          stays: { ...state.stays, [event.data.stayId]: 'open' },
        };
      case 'ShelterDischargeRecorded':
        return {
          ...state,
          openStay: state.openStay?.stayId === event.data.stayId ? null : state.openStay,
          lastDischargedAt: event.data.occurredAt,
          stays: { ...state.stays, [event.data.stayId]: 'discharged' },
        };
      default:
        return assertNever(event);
    }
  },
};

export const shelterStayProcess: ProcessDefinition<ShelterStayCommand, ShelterStayState, ShelterStayEvent> = {
  name: 'shelter-stay',
  streamId: shelterStaysStreamId,
  decider: shelterStayDecider,
  events: {
    ShelterAdmissionRecorded: { schemaVersion: 1, category: 'shelter', legalBasis: 'serviceloven §110' },
    ShelterDischargeRecorded: { schemaVersion: 1, category: 'shelter', legalBasis: 'serviceloven §110' },
  },
  summarize: summarizeShelterStay,
};
