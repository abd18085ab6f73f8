import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { ProcessDefinition } from '../process';

/**
 * Break-glass read (DOMAIN.md §3): in an emergency a social-authority caseworker may see all of a citizen's record,
 * health and justice included, for a limited time. The grant is a fact of its own: who, for which unit, why, until
 * when, and which units own the data that would otherwise be hidden (they are told, alert A15). Access itself is
 * judged by the access layer from these events; each read under a grant is marked in the read audit log.
 */
export const BREAK_GLASS_MAX_MINUTES = 180;
export const BREAK_GLASS_DEFAULT_MINUTES = 180;
export const BREAK_GLASS_REASON_MIN_LENGTH = 20;

export type BreakGlassOwningUnit = { unitId: string; unitType: string };

export type BreakGlassAccessGranted = {
  type: 'BreakGlassAccessGranted';
  data: {
    citizenId: string;
    occurredAt: string;
    grantId: string;
    principalId: string;
    unitId: string;
    /** the caseworker's own words; kept in the record, never in a summary, log or alert text */
    reason: string;
    expiresAt: string;
    owningUnits: BreakGlassOwningUnit[];
  };
};

export type BreakGlassEvent = BreakGlassAccessGranted;

export type GrantBreakGlassAccess = {
  type: 'GrantBreakGlassAccess';
  citizenId: string;
  grantId: string;
  principalId: string;
  unitId: string;
  reason: string;
  durationMinutes: number;
  owningUnits: BreakGlassOwningUnit[];
};

export type BreakGlassCommand = GrantBreakGlassAccess;

export type BreakGlassState = {
  grants: Record<string, { principalId: string; expiresAt: string }>;
};

export function breakGlassStreamId(citizenId: string): string {
  return `break-glass-${citizenId}`;
}

function grant(command: GrantBreakGlassAccess, state: BreakGlassState, now: Date): BreakGlassEvent[] {
  if (command.reason.trim().length < BREAK_GLASS_REASON_MIN_LENGTH) {
    throw new DomainError(
      'rule-violation',
      'break-glass-reason-required',
      'A break-glass read needs a reason',
      {
        minLength: BREAK_GLASS_REASON_MIN_LENGTH,
      },
    );
  }
  if (
    !Number.isInteger(command.durationMinutes) ||
    command.durationMinutes < 1 ||
    command.durationMinutes > BREAK_GLASS_MAX_MINUTES
  ) {
    throw new DomainError(
      'rule-violation',
      'break-glass-too-long',
      'A break-glass grant lasts at most 3 hours',
      {
        maxMinutes: BREAK_GLASS_MAX_MINUTES,
      },
    );
  }
  const running = Object.values(state.grants).some(
    (g) => g.principalId === command.principalId && Date.parse(g.expiresAt) > now.getTime(),
  );
  if (running) {
    throw new DomainError(
      'conflict',
      'break-glass-already-active',
      'This principal already has a running break-glass grant for the citizen',
    );
  }
  return [
    {
      type: 'BreakGlassAccessGranted',
      data: {
        citizenId: command.citizenId,
        occurredAt: now.toISOString(),
        grantId: command.grantId,
        principalId: command.principalId,
        unitId: command.unitId,
        reason: command.reason.trim(),
        expiresAt: new Date(now.getTime() + command.durationMinutes * 60_000).toISOString(),
        owningUnits: command.owningUnits,
      },
    },
  ];
}

export const breakGlassDecider: Decider<BreakGlassCommand, BreakGlassState, BreakGlassEvent> = {
  initialState: () => ({ grants: {} }),
  decide(command, state, now) {
    switch (command.type) {
      case 'GrantBreakGlassAccess':
        return grant(command, state, now);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'BreakGlassAccessGranted':
        return {
          grants: {
            ...state.grants,
            [event.data.grantId]: { principalId: event.data.principalId, expiresAt: event.data.expiresAt },
          },
        };
      default:
        return assertNever(event.type);
    }
  },
};

export const breakGlassProcess: ProcessDefinition<BreakGlassCommand, BreakGlassState, BreakGlassEvent> = {
  name: 'break-glass',
  streamId: breakGlassStreamId,
  decider: breakGlassDecider,
  events: { BreakGlassAccessGranted: { schemaVersion: 1, category: 'identity' } },
  summarize: (event) =>
    `Break-glass read by ${event.data.unitId} (reason on record) until ${event.data.expiresAt}; owning units told`,
};
