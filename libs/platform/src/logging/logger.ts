import { LoggerService } from '@nestjs/common';
import { maskCprNumbers } from '@hf/domain';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import pino, { Logger } from 'pino';

/**
 * One pino logger for the process. Structured JSON, and a redaction list as a second line of defence:
 * the first is that code logs ids, never personal data.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'housing-first' },
      serializers: { req: requestSummary, err: errorWithoutCpr },
      redact: {
        paths: [
          // Credentials: a bearer token or API key in a log is a usable credential.
          'req.headers.authorization',
          'headers.authorization',
          '*.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          '*.cpr',
          '*.name',
          '*.alias',
          '*.birthDate',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    withTestLogCopy(destination),
  );
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * What Fastify logs of each request: never its headers (credentials) or body. The URL is the caller's
 * text, and a caller may put a CPR number into it, so CPR-shaped numbers are masked.
 */
function requestSummary(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? maskCprNumbers(req.url) : undefined,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Error messages may quote a value (PostgreSQL's do: `invalid input syntax ... "<value>"`). */
function errorWithoutCpr(err: unknown) {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  for (const field of ['message', 'stack']) {
    if (typeof serialized[field] === 'string') serialized[field] = maskCprNumbers(serialized[field]);
  }
  return serialized;
}

/**
 * In a test run, jest's global setup sets HF_TEST_LOG_DIR and every line is also appended to a file of
 * this process there, so that the global teardown can check everything any app, worker or CLI logged
 * during the run for CPR numbers and names (test/support/log-scan.ts). Appended synchronously, so a
 * line is on disk even if the process dies right after writing it.
 */
function withTestLogCopy(destination?: pino.DestinationStream): pino.DestinationStream | undefined {
  const dir = process.env.HF_TEST_LOG_DIR;
  if (!dir) return destination;
  const file = join(dir, `${process.pid}.log`);
  const target = destination ?? pino.destination(1);
  return {
    write(line: string) {
      appendFileSync(file, line);
      target.write(line);
    },
  };
}

/** Routes Nest's own log calls (bootstrap, module wiring) into the same pino stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
