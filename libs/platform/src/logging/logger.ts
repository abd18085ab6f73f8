import { LoggerService } from '@nestjs/common';
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
    destination,
  );
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
