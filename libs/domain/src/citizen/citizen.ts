import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';
import { summarizeCitizen } from '../timeline/summaries';
import { assertKnownMunicipality, assertOccurredAtAcceptable } from '../rules';

export type CitizenRegistered = {
  type: 'CitizenRegistered';
  data: {
    citizenId: string;
    occurredAt: string;
    /** Responsible municipality (municipality code). */
    handlekommune: string;
    hasCpr: boolean;
    /**
     * Opaque ciphertext of CPR/name/alias/birth date, sealed by the application with the citizen's own data key
     * (so erasing the key erases the data). The domain never sees plaintext.
     */
    sealedPersonalData: string;
  };
};

export type CitizenEvent = CitizenRegistered;

export type RegisterCitizen = {
  type: 'RegisterCitizen';
  citizenId: string;
  occurredAt: Date;
  handlekommune: string;
  hasCpr: boolean;
  sealedPersonalData: string;
};

export type CitizenCommand = RegisterCitizen;

export type CitizenState =
  { registered: false } | { registered: true; citizenId: string; handlekommune: string; hasCpr: boolean };

export function citizenStreamId(citizenId: string): string {
  return `citizen-${citizenId}`;
}

function registerCitizen(command: RegisterCitizen, state: CitizenState, now: Date): CitizenEvent[] {
  if (state.registered) {
    throw new DomainError('conflict', 'citizen-already-registered', 'Citizen is already registered', {
      citizenId: state.citizenId,
    });
  }
  assertKnownMunicipality(command.handlekommune, 'handlekommune');
  assertOccurredAtAcceptable(command.occurredAt, now);
  return [
    {
      type: 'CitizenRegistered',
      data: {
        citizenId: command.citizenId,
        occurredAt: command.occurredAt.toISOString(),
        handlekommune: command.handlekommune,
        hasCpr: command.hasCpr,
        sealedPersonalData: command.sealedPersonalData,
      },
    },
  ];
}

export const citizenDecider: Decider<CitizenCommand, CitizenState, CitizenEvent> = {
  initialState: () => ({ registered: false }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RegisterCitizen':
        return registerCitizen(command, state, now);
      default:
        // A one-member union does not narrow to never, its discriminant does; becomes `command` once it grows.
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'CitizenRegistered':
        return {
          registered: true,
          citizenId: event.data.citizenId,
          handlekommune: event.data.handlekommune,
          hasCpr: event.data.hasCpr,
        };
      default:
        return assertNever(event.type);
    }
  },
};

export const citizenProcess: ProcessDefinition<CitizenCommand, CitizenState, CitizenEvent> = {
  name: 'citizen',
  streamId: citizenStreamId,
  decider: citizenDecider,
  events: {
    CitizenRegistered: { schemaVersion: 1, category: 'identity' },
  },
  summarize: summarizeCitizen,
};
