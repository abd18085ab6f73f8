import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { createLogger } from '../logging/logger';
import { loadConfig } from '../config/config';
import { Database } from './database';
import { Pool } from 'pg';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

describe('migrate', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterEach(() => db.drop());

  it('applies every migration once, also when several processes start together', async () => {
    const outcomes = await Promise.all([migrate(db.pool), migrate(db.pool), migrate(db.pool)]);
    const applied = outcomes.flatMap((o) => o.applied).sort();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version).sort());
    expect((await migrate(db.pool)).applied).toEqual([]);
    const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('opens service connections with JIT off, also in pools made from its options', async () => {
    const database = await Database.open(loadConfig({ DATABASE_URL: db.url }), createLogger('silent'));
    try {
      expect((await database.pool.query('SHOW jit')).rows[0].jit).toBe('off');
      const copy = new Pool({ ...database.pool.options, max: 1 });
      expect((await copy.query('SHOW jit')).rows[0].jit).toBe('off');
      await copy.end();
      // the server's own default is on, so the checks above can fail
      expect((await db.pool.query('SHOW jit')).rows[0].jit).toBe('on');
    } finally {
      await database.close();
    }
  });

  it('refuses to start on a migration that was edited after it was applied', async () => {
    await migrate(db.pool);
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(db.pool, edited)).rejects.toThrow('was changed after it was applied');
  });

  it('rolls back a failing migration entirely', async () => {
    await migrate(db.pool);
    const broken = [
      ...MIGRATIONS,
      { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT 1/0;' },
    ];
    await expect(migrate(db.pool, broken)).rejects.toThrow();
    const { rows } = await db.pool.query(
      "SELECT to_regclass('half_done') AS t, (SELECT max(version) FROM schema_migrations) AS v",
    );
    expect(rows[0]).toEqual({ t: null, v: MIGRATIONS[MIGRATIONS.length - 1].version });
  });

  it('keeps the read audit log append-only', async () => {
    await migrate(db.pool);
    await db.pool.query(
      `INSERT INTO read_audit_log (principal, unit, citizen_id, action, purpose) VALUES ('p', 'u', gen_random_uuid(), 'timeline', 'case-work')`,
    );
    await expect(db.pool.query('UPDATE read_audit_log SET purpose = $1', ['other'])).rejects.toThrow(
      'append-only',
    );
    await expect(db.pool.query('DELETE FROM read_audit_log')).rejects.toThrow('append-only');
    await expect(db.pool.query('TRUNCATE read_audit_log')).rejects.toThrow('append-only');
  });
});
