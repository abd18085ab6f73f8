import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

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
