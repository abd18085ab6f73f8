import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedPrincipal, AuthenticationError, Authenticator } from '@hf/access';
import type { UnitType } from '@hf/domain/alerts/alert';
import { APP_CONFIG, AppConfig, LOGGER } from '@hf/platform';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { FailedAuthenticationLimiter } from './failed-authentication-limiter';
import { ProblemException } from './problem';

const PUBLIC = 'hf:public';
const UNIT_TYPES = 'hf:unit-types';

/** Routes anyone may call: liveness, readiness and metrics carry no citizen data. */
export const Public = () => SetMetadata(PUBLIC, true);

/** Only principals of these unit types may call the route (DOMAIN.md §3); others get 403. */
export const ForUnitTypes = (...types: UnitType[]) => SetMetadata(UNIT_TYPES, types);

export function principalOf(request: FastifyRequest): AuthenticatedPrincipal | undefined {
  return (request as FastifyRequest & { principal?: AuthenticatedPrincipal }).principal;
}

/**
 * Every route needs a principal unless marked public: a person's OIDC token or a system's API key. The principal
 * is put on the request for the request context; a route may narrow who may call it by unit type.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly failures: FailedAuthenticationLimiter;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly reflector: Reflector,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.failures = new FailedAuthenticationLimiter(config.authFailuresPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = this.failures.retryAfter(request.ip);
    if (retryAfter > 0) {
      throw ProblemException.of(
        429,
        'too-many-requests',
        'Too many requests',
        `Too many failed sign-ins from this address; retry in ${retryAfter} s.`,
      ).withHeaders({ 'Retry-After': String(retryAfter) });
    }
    let principal: AuthenticatedPrincipal;
    try {
      principal = await this.authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      this.failures.recordFailure(request.ip);
      this.logger.info({ requestId: request.id, reason: error.reason }, 'authentication refused');
      throw ProblemException.of(
        401,
        'unauthenticated',
        'Authentication required',
        'Send Authorization: Bearer with an OIDC access token or an API key.',
      ).withHeaders({ 'WWW-Authenticate': 'Bearer realm="housing-first"' });
    }
    (request as FastifyRequest & { principal?: AuthenticatedPrincipal }).principal = principal;
    const allowed = this.reflector.getAllAndOverride<UnitType[] | undefined>(UNIT_TYPES, targets);
    if (allowed && !allowed.includes(principal.unitType)) throw forbidden();
    return true;
  }
}

export function forbidden() {
  return ProblemException.of(
    403,
    'forbidden',
    'Not allowed for your unit',
    'Your unit’s function does not allow this request.',
  );
}
