import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { PrincipalRegistry } from '../../libs/access/src';
import { UNIT_TYPES, type UnitType } from '../../libs/domain/src/alerts/alert';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/shared/clock';
import { AppConfig, createLogger, loadConfig, WebhookConfig } from '../../libs/platform/src';
import { notePersonalData } from './log-scan';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** every JSON log line the app wrote, for checks that no personal data is logged */
  logLines: string[];
  /**
   * A request with a default principal when it sends no Authorization header: writes go as the unit whose function
   * records them (hospital and prison routes, MedCom notices included, as psychiatry and prison, employment as the
   * jobcentre), everything
   * else as the social authority of Copenhagen (101). Tests about access name their principal with `as`.
   */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** the same request as a principal of the given test unit (see `units`) or of a unit made with `principalFor` */
  as(unit: UnitType | string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** registers a unit (and a system principal with an API key for it) for tests about access */
  principalFor(unit: { id: string; type: UnitType; municipality?: string | null }): Promise<string>;
  /** API key per unit type of the seeded test units (`test-<type>`, municipality 101 where municipal) */
  keys: Record<string, string>;
  close(): Promise<void>;
}

const REGIONAL: readonly UnitType[] = ['psychiatry', 'hospital', 'prison', 'housing-association'];

function defaultUnitFor(options: InjectOptions): UnitType {
  const url = typeof options.url === 'string' ? options.url : '';
  if ((options.method ?? 'GET') === 'GET') return 'social-authority';
  if (/\/institution\/prison-stays/.test(url)) return 'prison';
  if (/\/institution\/notices\//.test(url)) return 'social-authority';
  if (/\/institution\//.test(url)) return 'psychiatry';
  if (url.startsWith('/fhir/hospital-notifications')) return 'psychiatry';
  if (url.startsWith('/notices/discharges')) return 'psychiatry';
  if (/\/employment\//.test(url)) return 'jobcentre';
  return 'social-authority';
}

/**
 * The real API and worker in one process on a database of their own (migrated by the app itself at
 * start-up, as in production), driven over Fastify's in-process HTTP injection.
 */
export async function startTestApp(
  options: {
    clock?: Clock;
    bodyLimitBytes?: number;
    oidc?: AppConfig['oidc'];
    rateLimitPerMinute?: number;
    /** e.g. a shorter retry schedule, so a test reaches a dead letter in a few clock moves */
    webhooks?: Partial<WebhookConfig>;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({ migrate: false, poolSize: 2 });
  const logLines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  const base = loadConfig({});
  const config = {
    ...base,
    webhooks: { ...base.webhooks, ...(options.webhooks ?? {}) },
    databaseUrl: db.url,
    databasePoolSize: 6,
    projectionPollMs: 20,
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
    // Off unless a test asks for it: polling with eventually() alone can pass any sensible limit.
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
  };
  const app = await createApiApp({ config, logger, withWorker: true, clock: options.clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const registry = app.get(PrincipalRegistry);
  const keys: Record<string, string> = {};
  const principalFor = async (unit: { id: string; type: UnitType; municipality?: string | null }) => {
    await registry.upsertUnit({
      id: unit.id,
      type: unit.type,
      municipality: unit.municipality ?? null,
      name: unit.id,
    });
    const principalId = await registry.createPrincipal({
      kind: 'system',
      unitId: unit.id,
      displayName: unit.id,
    });
    const { apiKey } = await registry.issueApiKey(principalId);
    keys[unit.id] = apiKey;
    return apiKey;
  };
  for (const type of UNIT_TYPES) {
    keys[type] = await principalFor({
      id: `test-${type}`,
      type,
      municipality: REGIONAL.includes(type) ? null : '101',
    });
  }
  const withKey = (key: string | undefined, opts: InjectOptions): InjectOptions => {
    if (key === undefined) throw new Error('no test principal for that unit: make one with principalFor');
    return { ...opts, headers: { authorization: `Bearer ${key}`, ...(opts.headers ?? {}) } };
  };
  return {
    app,
    db,
    logLines,
    keys,
    principalFor,
    request: (opts) => {
      notePersonalData(opts.payload);
      return app.inject(withKey(keys[defaultUnitFor(opts)], opts));
    },
    as: (unit, opts) => {
      notePersonalData(opts.payload);
      return app.inject(withKey(keys[unit], opts));
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
