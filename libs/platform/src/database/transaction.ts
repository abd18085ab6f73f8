import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a client of its own. A client whose connection dies while checked
 * out emits 'error'; without a listener that would crash the process, so the error is absorbed here
 * (the failing query rejects anyway) and the broken client is discarded instead of returned to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const absorb = () => undefined;
  client.on('error', absorb);
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', absorb);
    client.release(failure);
  }
}
