import type { Pool, PoolClient } from 'pg';

/**
 * Runs several read-model queries in one REPEATABLE READ, read-only transaction, so that an answer built from
 * several tables (and several projections) is one consistent snapshot: a link or a batch committed between two
 * of the queries cannot show in one and not in the other.
 */
export async function inReadSnapshot<T>(pool: Pool, fn: (db: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
