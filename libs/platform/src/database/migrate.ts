import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { MIGRATIONS, Migration } from './migrations';

/** Any fixed number: a transaction-scoped advisory lock so that concurrent starters migrate once. */
const MIGRATION_LOCK_ID = 7_110_085;

export interface MigrationOutcome {
  applied: number[];
  current: number;
}

export async function migrate(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      const known = done.get(migration.version);
      if (known !== undefined) {
        if (known !== checksum) {
          throw new Error(
            `migration ${migration.version} (${migration.name}) was changed after it was applied`,
          );
        }
        continue;
      }
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksum,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    const current = Math.max(0, ...migrations.map((m) => m.version));
    return { applied, current };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
