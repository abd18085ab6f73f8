import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { ProblemException } from './problem';

/** Probes and scrapers call these on their own schedule; limiting them would only make a busy
 *  instance look dead to the orchestrator. */
const EXEMPT_ROUTES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * The bucket a request counts against. A credential (a person's JWT or a system's `hfk_` API key)
 * stands for one principal, so its hash is the key: principals behind one NAT or proxy do not share a
 * bucket, and one principal cannot escape its limit by changing address. Hashed so that no credential
 * is kept in memory as a map key. Without a credential, the client address.
 */
export function rateLimitKey(request: { headers: { authorization?: string }; ip: string }): string {
  const credential = request.headers.authorization;
  return credential
    ? `credential:${createHash('sha256').update(credential).digest('hex')}`
    : `ip:${request.ip}`;
}

/** Limits every route but the exempt ones to `perMinute` requests per principal; 0 turns it off. */
export async function registerRateLimit(app: NestFastifyApplication, perMinute: number): Promise<void> {
  if (perMinute === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    allowList: (request) => EXEMPT_ROUTES.has(request.routeOptions.url ?? ''),
    // RateLimit-Limit/-Remaining/-Reset (draft-ietf-httpapi-ratelimit-headers) and Retry-After on a 429.
    enableDraftSpec: true,
    // Thrown, so it reaches ProblemDetailsFilter like any other error and leaves as problem+json.
    errorResponseBuilder: (_request, context) =>
      ProblemException.of(
        429,
        'too-many-requests',
        'Too many requests',
        `At most ${context.max} requests a minute; retry in ${context.after}.`,
      ),
  });
}
