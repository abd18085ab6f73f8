import { DomainError } from './errors';
import { isMunicipalityCode } from './municipalities';

/** Tolerance for clock skew between the reporting system and ours. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Rejects occurredAt values that are not real instants (toISOString would throw later) or that lie in the
 * future beyond clock skew: events record what already happened.
 */
export function assertOccurredAtAcceptable(occurredAt: Date, now: Date): void {
  if (Number.isNaN(occurredAt.getTime())) {
    throw new DomainError('rule-violation', 'invalid-occurred-at', 'occurredAt is not a valid date');
  }
  if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError(
      'rule-violation',
      'occurred-in-future',
      'occurredAt is more than 5 minutes in the future',
      {
        occurredAt: occurredAt.toISOString(),
        now: now.toISOString(),
      },
    );
  }
}

export function assertKnownMunicipality(code: string, field: string): void {
  if (!isMunicipalityCode(code)) {
    throw new DomainError(
      'rule-violation',
      'unknown-municipality',
      `${field} is not a Danish municipality code`,
      {
        field,
        code,
      },
    );
  }
}
