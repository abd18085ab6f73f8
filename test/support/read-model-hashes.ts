import type { Pool } from 'pg';
import { PostgresEventStore } from '../../libs/event-store/src';
import { Projection, projectionLag } from '../../libs/projections/src';

// Read-model hashing shared by test/e2e/rebuild-equals-live and the multi-process tests.

/** Tables that are not read models: the log, its bookkeeping, keys, the audit log, idempotency. */
const NOT_READ_MODELS = new Set([
  'events',
  'streams',
  'projection_checkpoints',
  'read_audit_log',
  'citizen_keys',
  'citizen_cpr_lookup',
  'idempotency_keys',
  'schema_migrations',
]);

/** The tables each projection empties in reset: found from the locks its TRUNCATE/DELETE takes, then rolled back. */
export async function tablesWrittenBy(pool: Pool, projections: readonly Projection[]): Promise<string[]> {
  const tables = new Set<string>();
  const client = await pool.connect();
  try {
    for (const projection of projections) {
      await client.query('BEGIN');
      try {
        await projection.reset(client);
        const { rows } = await client.query<{ name: string }>(
          `SELECT DISTINCT c.relname AS name
             FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND c.relkind IN ('r', 'p')
              AND c.relnamespace = 'public'::regnamespace
              AND l.mode IN ('AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'RowExclusiveLock')`,
        );
        rows.forEach((r) => tables.add(r.name));
      } finally {
        await client.query('ROLLBACK');
      }
    }
  } finally {
    client.release();
  }
  return [...tables].filter((name) => !NOT_READ_MODELS.has(name)).sort();
}

export async function tableHashes(
  pool: Pool,
  tables: readonly string[],
): Promise<Record<string, { md5: string; rows: number }>> {
  const result: Record<string, { md5: string; rows: number }> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ md5: string; n: number }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5, count(*)::int AS n FROM "${table}" t`,
    );
    result[table] = { md5: rows[0].md5, rows: rows[0].n };
  }
  return result;
}

/**
 * Waits until the log is quiet (background work such as alert rules may still append after the last request)
 * and every named projection has applied all of it. Returns the log's last position.
 */
export async function caughtUp(pool: Pool, names: readonly string[], timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  for (;;) {
    const { rows } = await pool.query<{ last: string | null }>(
      'SELECT max(global_position)::text AS last FROM events',
    );
    const last = rows[0].last ?? '0';
    const lag = await projectionLag(pool, new PostgresEventStore(pool), names, new Date());
    if (last === previous && lag.every((l) => l.behindEvents === 0)) return last;
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(lag)}`);
    previous = last;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
