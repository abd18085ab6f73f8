import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHmac, hkdfSync } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { catchError, from, map, mergeMap, Observable, of, throwError } from 'rxjs';
import { APP_CONFIG, AppConfig, PG_POOL } from '@hf/platform';
import { ProblemException } from './problem';
import { principalOf } from './authentication.guard';
import { header } from './request-context';

const MESSAGE_ID_IS_KEY = 'hf:message-id-is-idempotency-key';

/** The route treats the sender's X-Message-Id as its Idempotency-Key: a repeated message replays the answer. */
export const IdempotentByMessageId = () => SetMetadata(MESSAGE_ID_IS_KEY, true);

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** An unfinished claim older than this is treated as left behind by a crashed process. */
const STALE_AFTER_SECONDS = 60;

interface StoredResponse {
  status: number | null;
  response: { body: unknown; location?: string } | null;
  request_hash: string;
}

/**
 * Idempotency-Key on writes (draft-ietf-httpapi-idempotency-key-header): the first request with a
 * key runs and its response is stored; a repeat with the same body gets the stored response and
 * appends nothing; a repeat with another body is refused. Failed requests release the key, and since
 * event ids are derived from the key a retry can never store an event twice.
 */
const SECRET_IN_RESPONSE = 'hf:secret-in-response';

/**
 * The response shows a secret once (a webhook signing secret): storing it for replay would keep it in clear in the
 * idempotency store, so such routes refuse an Idempotency-Key instead of honouring it.
 */
export const SecretInResponse = () => SetMetadata(SECRET_IN_RESPONSE, true);

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly hashKey: Buffer;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashKey = requestHashKey(config.cprLookupKey);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Notices from other systems are idempotent by the sender's own message id (X-Message-Id) as well.
    const key =
      header(request, 'idempotency-key') ??
      (this.reflector.get<boolean>(MESSAGE_ID_IS_KEY, context.getHandler())
        ? header(request, 'x-message-id')
        : undefined);
    if (key === undefined || !['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method))
      return next.handle();
    if (this.reflector.get<boolean>(SECRET_IN_RESPONSE, context.getHandler())) {
      throw ProblemException.of(
        400,
        'idempotency-key-not-supported',
        'Idempotency-Key not supported here',
        'The response shows a secret once and is not stored for replay; send the request without Idempotency-Key.',
      );
    }
    if (!KEY_PATTERN.test(key)) {
      throw ProblemException.of(
        400,
        'invalid-idempotency-key',
        'Invalid Idempotency-Key',
        'Use 1-255 visible ASCII characters.',
      );
    }
    // Keys are per principal: two systems choosing the same key never see each other's responses.
    const scope = `${principalOf(request)?.id ?? 'anonymous'}|${request.method} ${request.routeOptions?.url ?? request.url}`;
    const hash = requestHash(this.hashKey, request.method, request.url, request.body);

    // Nest applies the route's status code only after interceptors, so read it from the route.
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    return from(this.claim(scope, key, hash)).pipe(
      mergeMap((stored) => {
        if (stored) return of(this.replay(stored, hash, reply));
        return next.handle().pipe(
          mergeMap((body) => from(this.complete(scope, key, status, reply, body)).pipe(map(() => body))),
          catchError((error: unknown) =>
            from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** null when this request owns the key; otherwise the earlier request's record. */
  private async claim(scope: string, key: string, hash: string): Promise<StoredResponse | null> {
    const claimed = await this.pool.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.status IS NULL
           AND idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [scope, key, hash, STALE_AFTER_SECONDS],
    );
    if (claimed.rowCount === 1) return null;
    const { rows } = await this.pool.query<StoredResponse>(
      'SELECT status, response, request_hash FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    // Released between our insert and select: the other request failed, so this one may run.
    if (rows.length === 0) return this.claim(scope, key, hash);
    return rows[0];
  }

  private replay(stored: StoredResponse, hash: string, reply: FastifyReply): unknown {
    if (stored.request_hash !== hash) {
      throw ProblemException.of(
        422,
        'idempotency-key-reused',
        'Idempotency-Key reused with another request',
        'This key was already used for a different request body or target.',
      );
    }
    if (stored.status === null || stored.response === null) {
      throw ProblemException.of(
        409,
        'idempotency-key-in-progress',
        'A request with this Idempotency-Key is still being processed',
        'Retry after a moment.',
      );
    }
    void reply.status(stored.status).header('idempotent-replayed', 'true');
    if (stored.response.location) void reply.header('location', stored.response.location);
    return stored.response.body;
  }

  private async complete(scope: string, key: string, status: number, reply: FastifyReply, body: unknown) {
    const location = reply.getHeader('location');
    await this.pool.query(
      `UPDATE idempotency_keys SET status = $3, response = $4, completed_at = now() WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify({ body: body ?? null, location })],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL', [
      scope,
      key,
    ]);
  }
}

/**
 * The stored fingerprint of a request, to tell a repeat from another request under the same key. Keyed: the
 * bodies of a registration or a CPR search carry a CPR number, and a plain SHA-256 of `{"cpr":"..."}` can be
 * reversed by hashing every possible CPR number (a few hundred million) in seconds.
 */
export function requestHash(key: Buffer, method: string, url: string, body: unknown): string {
  return createHmac('sha256', key)
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/** Its own key, derived from the CPR look-up secret (HKDF), so no new secret has to be configured. */
export function requestHashKey(cprLookupKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', cprLookupKey, Buffer.alloc(0), 'hf idempotency request hash', 32));
}

/**
 * Forgets the stored responses that name a citizen: a registration's or a CPR search's `{ citizenId }`. Their
 * request hash is a hash of the body that carried the CPR number and the name, so keeping it would let whoever can
 * compute the hash confirm a guessed CPR number for an erased record. Runs in the erasure's transaction. A repeat
 * of such a request then runs again: a registration is refused (the record exists), a search finds nothing.
 */
export async function forgetStoredResponsesNaming(tx: PoolClient, citizenId: string): Promise<number> {
  // The `?` condition repeats the partial index's predicate (migration 0014): without it the planner cannot
  // use the index and scans every stored response.
  const { rowCount } = await tx.query(
    `DELETE FROM idempotency_keys
      WHERE response -> 'body' ? 'citizenId' AND response -> 'body' ->> 'citizenId' = $1`,
    [citizenId],
  );
  return rowCount ?? 0;
}
