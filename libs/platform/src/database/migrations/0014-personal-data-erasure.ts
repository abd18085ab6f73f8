/**
 * Erasure by crypto-shredding (GDPR art. 17):
 * - the citizen-status read model remembers when a record's personal data was erased, so reads can say so
 *   (`personalDataErased`) instead of leaving the reader to wonder why nothing identifies the citizen. No
 *   erasure event exists before this migration, so there is nothing to backfill;
 * - the erasure forgets stored Idempotency-Key responses that name the citizen (a registration's or a CPR
 *   search's `{ citizenId }`, whose request hash was taken over the CPR number and name); the partial index keeps
 *   that delete from scanning every stored response.
 */
export const sql = `
ALTER TABLE citizen_status ADD COLUMN personal_data_erased_at timestamptz;

CREATE INDEX idempotency_keys_citizen_idx ON idempotency_keys ((response -> 'body' ->> 'citizenId'))
  WHERE response -> 'body' ? 'citizenId';
`;
