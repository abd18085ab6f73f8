import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedPrincipal } from '@hf/access';
import type { FastifyRequest } from 'fastify';
import { principalOf } from './authentication.guard';
import { ProblemException } from './problem';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Namespace for ids derived from an Idempotency-Key (any fixed UUID; never change it). */
const IDEMPOTENT_ID_NAMESPACE = '6f1d0c52-5b3e-4d7e-9a55-2c0b8e1f4a10';

/** The authenticated caller (see AuthenticationGuard): a person or system acting for one unit. */
export type Principal = AuthenticatedPrincipal;

/**
 * What a handler needs to know about the request behind a command: who, on whose behalf, and the
 * request id that becomes every event's correlation id.
 */
export interface RequestContext {
  requestId: string;
  principal: Principal;
  purpose: string;
  /** the sender's own id of this message (X-Message-Id, else the Idempotency-Key), for tracing and dedup */
  messageId?: string;
  /** ids for new records and events. With an Idempotency-Key they are derived from it, so a retried
   *  request that already appended produces the same event ids and the store keeps one copy. */
  newId(): string;
}

export function idSource(seed?: string): () => string {
  let counter = 0;
  return seed === undefined ? () => uuidv7() : () => uuidv5(`${seed}#${counter++}`, IDEMPOTENT_ID_NAMESPACE);
}

export function contextFrom(request: FastifyRequest): RequestContext {
  const key = header(request, 'idempotency-key');
  const route = request.routeOptions?.url ?? request.url;
  const principal = principalOf(request);
  // The guard runs before any handler asks for a context, so a missing principal is a wiring bug, not a 401.
  if (!principal) throw new Error('request context asked for on a route without authentication');
  return {
    requestId: request.id,
    principal,
    purpose: purposeOf(request),
    messageId: messageIdOf(request) ?? key,
    newId: idSource(key === undefined ? undefined : `${principal.id}|${request.method} ${route}|${key}`),
  };
}

/** The declared purpose of a read goes into the audit log, so it is a short code, never free text. */
function purposeOf(request: FastifyRequest): string {
  const purpose = header(request, 'x-purpose') ?? 'case-work';
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(purpose)) {
    throw ProblemException.of(
      400,
      'validation-failed',
      'The request is not valid',
      'header X-Purpose must be a short code such as case-work or sanction-hearing',
      {
        errors: [{ pointer: '#/header/x-purpose', detail: 'must match ^[a-z][a-z0-9-]{0,63}$' }],
      },
    );
  }
  return purpose;
}

function messageIdOf(request: FastifyRequest): string | undefined {
  const id = header(request, 'x-message-id');
  if (id !== undefined && !/^[\x21-\x7e]{1,255}$/.test(id)) {
    throw ProblemException.of(
      400,
      'validation-failed',
      'The request is not valid',
      'header X-Message-Id must be 1-255 visible ASCII characters',
      { errors: [{ pointer: '#/header/x-message-id', detail: 'must be 1-255 visible ASCII characters' }] },
    );
  }
  return id;
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext =>
  contextFrom(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
