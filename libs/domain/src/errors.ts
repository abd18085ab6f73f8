/** Mapped by the API layer: conflict => 409, rule-violation => 422, not-found => 404. */
export type DomainErrorKind = 'conflict' | 'rule-violation' | 'not-found';

/**
 * A rejected command. `message` and `details` end up in API responses and logs, so they must never carry
 * personal data (CPR, names): use ids and codes only.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
