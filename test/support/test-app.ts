import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/shared/clock';
import { createLogger, loadConfig } from '../../libs/platform/src';
import { notePersonalData } from './log-scan';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** every JSON log line the app wrote, for checks that no personal data is logged */
  logLines: string[];
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real API and worker in one process on a database of their own (migrated by the app itself at
 * start-up, as in production), driven over Fastify's in-process HTTP injection.
 */
export async function startTestApp(
  options: { clock?: Clock; bodyLimitBytes?: number; rateLimitPerMinute?: number } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({ migrate: false, poolSize: 2 });
  const logLines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  const config = {
    ...loadConfig({}),
    databaseUrl: db.url,
    databasePoolSize: 6,
    projectionPollMs: 20,
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    // Off unless a test asks for it: polling with eventually() alone can pass any sensible limit.
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
  };
  const app = await createApiApp({ config, logger, withWorker: true, clock: options.clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    logLines,
    request: (opts) => {
      notePersonalData(opts.payload);
      return app.inject(opts);
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Polls until `check` passes; projections are eventually consistent by design. */
export async function eventually<T>(
  fn: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value)) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
