import { randomBytes } from 'node:crypto';

/**
 * All configuration comes from the environment, read once at start-up. Secrets have development
 * defaults only outside production, so a newcomer's `npm start` works and a production start without
 * them fails loudly instead of running with a known key.
 */
export interface AppConfig {
  port: number;
  host: string;
  /** unset: start an embedded PostgreSQL under `embeddedPostgresDir` */
  databaseUrl?: string;
  embeddedPostgresDir: string;
  embeddedPostgresPort: number;
  databasePoolSize: number;
  /** where the event log lives; read models, checkpoints and everything else stay in PostgreSQL */
  eventStore: EventStoreConfig;
  /** 32-byte key that wraps each citizen's data key (AES-256-GCM) */
  masterKey: Buffer;
  /** key of the HMAC that finds a citizen again by CPR without storing the CPR in clear */
  cprLookupKey: Buffer;
  bodyLimitBytes: number;
  /** requests per minute per principal (credential, else client IP); 0 turns rate limiting off */
  rateLimitPerMinute: number;
  runWorker: boolean;
  projectionPollMs: number;
  /** readiness fails when a read model trails the log by more than this */
  projectionLagReadySeconds: number;
  logLevel: string;
  /** how long SIGTERM may take to finish the work in flight before the process exits 1 */
  shutdownTimeoutMs: number;
  /** how long the API keeps answering, unready, after SIGTERM before it closes its listener */
  shutdownDrainMs: number;
  production: boolean;
  /** OIDC for people (bearer JWTs); unset: only API keys are accepted */
  oidc?: {
    issuer: string;
    audience: string;
    jwksUrl?: string;
    publicKeyPem?: string;
    publicKeyAlg?: string;
  };
  /** failed authentications an address may make a minute before it gets 429; 0 = no limit */
  authFailuresPerMinute: number;
  /** seed one principal per unit type and print their API keys at start-up; never in production */
  demoMode: boolean;
  webhooks: WebhookConfig;
}

/** EVENT_STORE=postgres (default) or eventstoredb, which needs EVENTSTORE_CONNECTION_STRING. */
export type EventStoreConfig =
  | { kind: 'postgres' }
  /** e.g. `esdb://kurrentdb:2113?tls=false`, or `esdb+discover://...` for a cluster */
  | { kind: 'eventstoredb'; connectionString: string };

/** Outbound webhooks and the feed (README "Webhooks and feed"). */
export interface WebhookConfig {
  /** CloudEvents `source` of everything this deployment sends, e.g. `/housing-first/kk-prod` */
  source: string;
  /** http://localhost and http://127.0.0.1 endpoints are accepted (never in production) */
  allowLocalHttp: boolean;
  /** per request; a slower receiver counts as a failed attempt */
  timeoutMs: number;
  /** delay before each retry, in seconds: the number of entries is the number of retries before `dead` */
  retryScheduleSeconds: number[];
  /** each delay is varied by up to this fraction either way, so receivers are not hit in waves */
  jitter: number;
  /** a receiver's Retry-After is honoured up to this many seconds */
  retryAfterCapSeconds: number;
  /** how long a rotated-out secret keeps signing next to the new one */
  secretRotationGraceHours: number;
  /** comment lines sent on an idle feed stream so proxies keep it open */
  feedHeartbeatMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const DEV_MASTER_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1tYXN0ZXIta2V5LTMyYnk='; // "development-only-master-key-32by"
const DEV_CPR_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1jcHItbG9va3VwLWtleSE='; // "development-only-cpr-lookup-key!"

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPostgresDir: env.EMBEDDED_PG_DIR ?? '.data/postgres',
    embeddedPostgresPort: int(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    databasePoolSize: int(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE'),
    eventStore: eventStore(env),
    masterKey: key(env.MASTER_KEY, DEV_MASTER_KEY, 'MASTER_KEY', production),
    cprLookupKey: key(env.CPR_LOOKUP_KEY, DEV_CPR_KEY, 'CPR_LOOKUP_KEY', production),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 256 * 1024, 'BODY_LIMIT_BYTES'),
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE'),
    runWorker: (env.RUN_WORKER ?? 'true') !== 'false',
    projectionPollMs: int(env.PROJECTION_POLL_MS, 200, 'PROJECTION_POLL_MS'),
    projectionLagReadySeconds: int(env.PROJECTION_LAG_READY_SECONDS, 300, 'PROJECTION_LAG_READY_SECONDS'),
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownTimeoutMs: int(env.SHUTDOWN_TIMEOUT_MS, 25_000, 'SHUTDOWN_TIMEOUT_MS'),
    shutdownDrainMs: int(env.SHUTDOWN_DRAIN_MS, 0, 'SHUTDOWN_DRAIN_MS'),
    production,
    oidc: oidc(env),
    demoMode: demoMode(env, production),
    authFailuresPerMinute: int(env.AUTH_FAILURES_PER_MINUTE, 30, 'AUTH_FAILURES_PER_MINUTE'),
    webhooks: webhooks(env, production),
  };
}

/** 5 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h, 24 h: about 3 days and 21 hours in all. */
const DEFAULT_RETRY_SCHEDULE = '5,60,300,1800,7200,21600,43200,86400,86400';

function webhooks(env: NodeJS.ProcessEnv, production: boolean): WebhookConfig {
  const schedule = (env.WEBHOOK_RETRY_SCHEDULE_SECONDS || DEFAULT_RETRY_SCHEDULE).split(',').map(Number);
  if (schedule.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error('WEBHOOK_RETRY_SCHEDULE_SECONDS must be comma-separated whole seconds');
  const allowLocalHttp = (env.WEBHOOK_ALLOW_LOCAL_HTTP ?? (production ? 'false' : 'true')) === 'true';
  if (allowLocalHttp && production) throw new Error('WEBHOOK_ALLOW_LOCAL_HTTP cannot be used in production');
  return {
    source: `/housing-first/${env.DEPLOYMENT_NAME || 'local'}`,
    allowLocalHttp,
    timeoutMs: int(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS'),
    retryScheduleSeconds: schedule,
    jitter: 0.2,
    retryAfterCapSeconds: int(env.WEBHOOK_RETRY_AFTER_CAP_SECONDS, 86_400, 'WEBHOOK_RETRY_AFTER_CAP_SECONDS'),
    secretRotationGraceHours: 24,
    feedHeartbeatMs: int(env.FEED_HEARTBEAT_MS, 15_000, 'FEED_HEARTBEAT_MS'),
  };
}

function eventStore(env: NodeJS.ProcessEnv): EventStoreConfig {
  const kind = env.EVENT_STORE || 'postgres';
  if (kind === 'postgres') return { kind };
  if (kind !== 'eventstoredb') throw new Error('EVENT_STORE must be postgres or eventstoredb');
  const connectionString = env.EVENTSTORE_CONNECTION_STRING;
  if (!connectionString)
    throw new Error('EVENTSTORE_CONNECTION_STRING must be set when EVENT_STORE=eventstoredb');
  // The error names the expected form only: the value may hold a password.
  if (!/^esdb(\+discover)?:\/\/[^\s]+$/.test(connectionString))
    throw new Error(
      'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false (or esdb+discover://)',
    );
  return { kind, connectionString };
}

/** A connection string fit for a log line: user and password removed. */
export function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/)[^/?]*@/i, '$1');
}

function oidc(env: NodeJS.ProcessEnv): AppConfig['oidc'] {
  if (!env.OIDC_ISSUER) return undefined;
  if (!env.OIDC_AUDIENCE) throw new Error('OIDC_AUDIENCE must be set with OIDC_ISSUER');
  if (!env.OIDC_JWKS_URL && !env.OIDC_PUBLIC_KEY)
    throw new Error('OIDC_JWKS_URL or OIDC_PUBLIC_KEY must be set with OIDC_ISSUER');
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    ...(env.OIDC_JWKS_URL ? { jwksUrl: env.OIDC_JWKS_URL } : {}),
    ...(env.OIDC_PUBLIC_KEY ? { publicKeyPem: env.OIDC_PUBLIC_KEY.replace(/\\n/g, '\n') } : {}),
    ...(env.OIDC_PUBLIC_KEY_ALG ? { publicKeyAlg: env.OIDC_PUBLIC_KEY_ALG } : {}),
  };
}

/** Demo mode is what `npm start` does on a laptop; a production start that asks for it is refused outright. */
function demoMode(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const wanted = (env.DEMO_MODE ?? (production ? 'false' : 'true')) === 'true';
  if (wanted && production) throw new Error('DEMO_MODE cannot be used when NODE_ENV=production');
  return wanted;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
  return parsed;
}

function key(value: string | undefined, devDefault: string, name: string, production: boolean): Buffer {
  if (!value && production) throw new Error(`${name} must be set when NODE_ENV=production`);
  const decoded = Buffer.from(value || devDefault, 'base64');
  if (decoded.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return decoded;
}

/** For tests and `cli keys`: a fresh base64 key of the right size. */
export function generateKey(): string {
  return randomBytes(32).toString('base64');
}
