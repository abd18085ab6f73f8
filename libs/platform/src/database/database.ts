import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

/**
 * Session settings of every service connection (the worker's own pools copy the main pool's options).
 *
 * JIT off: it pays only for long analytical queries, and every query here is a short OLTP one. When the planner's
 * row estimate is off (a table without statistics, e.g. on a server with autovacuum off) a 0.4 ms index look-up is
 * costed above `jit_above_cost` and compiled first: the bench measured 45 ms instead of 0.4 ms for the access-facts
 * query at 5M events (BENCHMARKS.md). Behind PgBouncer, allow the `options` startup parameter
 * (`ignore_startup_parameters`) and set `jit = off` on the role instead.
 */
export const SERVICE_CONNECTION_OPTIONS = '-c jit=off';

/**
 * The process's PostgreSQL connection pool, and the embedded server behind it when `DATABASE_URL`
 * is unset. Migrations run on open, so every process starts on the current schema.
 */
export class Database {
  private constructor(
    readonly pool: Pool,
    private readonly embedded: EmbeddedDatabase | undefined,
    private readonly logger: Logger,
  ) {}

  static async open(
    config: AppConfig,
    logger: Logger,
    options: { migrate?: boolean } = {},
  ): Promise<Database> {
    const embedded = config.databaseUrl
      ? undefined
      : await startEmbeddedPostgres(
          { dir: config.embeddedPostgresDir, port: config.embeddedPostgresPort },
          logger,
        );
    const pool = new Pool({
      connectionString: config.databaseUrl ?? embedded!.url,
      max: config.databasePoolSize,
      application_name: 'housing-first',
      options: SERVICE_CONNECTION_OPTIONS,
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', (error) => logger.warn({ err: error.message }, 'idle database client failed'));
    const database = new Database(pool, embedded, logger);
    try {
      if (options.migrate !== false) {
        const outcome = await migrate(pool);
        if (outcome.applied.length > 0) logger.info({ applied: outcome.applied }, 'database migrated');
      }
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    if (this.embedded) {
      await this.embedded.stop();
      this.logger.info('embedded PostgreSQL stopped');
    }
  }
}
