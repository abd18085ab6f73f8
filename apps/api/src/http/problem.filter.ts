import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { CitizenNotVisibleError } from '@hf/access';
import { DomainError, maskCprNumbers } from '@hf/domain';
import { ConcurrencyError, DuplicateEventIdError } from '@hf/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_CONTENT_TYPE, isFhirRoute, operationOutcomeFrom } from './operation-outcome';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problemType } from './problem';

const DOMAIN_STATUS = { conflict: 409, 'rule-violation': 422, 'not-found': 404 } as const;

/**
 * Every error leaves the API as problem+json. Unexpected errors are logged with their stack and
 * answered 500 with nothing but the request id: no stack, no message that might carry data.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, request);
    if (problem.status >= 500) request.log.error({ err: exception }, 'request failed');
    if (exception instanceof ProblemException) void reply.headers(exception.headers);
    // FHIR senders get the same error as a FHIR OperationOutcome (see operation-outcome.ts).
    if (isFhirRoute(request.url)) {
      void reply
        .status(problem.status)
        .header('content-type', FHIR_CONTENT_TYPE)
        .send(operationOutcomeFrom(problem));
      return;
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}

export function toProblem(exception: unknown, request: { id: string; url: string }): ProblemDetails {
  // The path is the caller's text: a CPR number put into it must not come back in an error.
  const base = { instance: maskCprNumbers(request.url.split('?')[0]), requestId: request.id };
  if (exception instanceof DomainError) {
    // Details come first so that a rule's detail can never overwrite a standard member (status, type...).
    return {
      ...(exception.details ?? {}),
      type: problemType(exception.code),
      title: titleFromCode(exception.code),
      status: DOMAIN_STATUS[exception.kind],
      detail: exception.message,
      rule: exception.code,
      ...base,
    };
  }
  if (exception instanceof CitizenNotVisibleError) {
    // Word for word the answer for an unknown id: a unit must not learn that a citizen it may not see exists.
    return {
      type: problemType('citizen-not-found'),
      title: 'Citizen not found',
      status: 404,
      detail: 'No citizen is registered with this id.',
      ...base,
    };
  }
  if (exception instanceof ConcurrencyError) {
    return {
      type: problemType('concurrent-modification'),
      title: 'Concurrent modification',
      status: 409,
      detail: 'The record was changed by another request at the same time. Reload and try again.',
      ...base,
    };
  }
  if (exception instanceof DuplicateEventIdError) {
    return { type: problemType('duplicate-event-id'), title: 'Duplicate event id', status: 409, ...base };
  }
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const status = exception.getStatus();
    if (typeof response === 'object' && response !== null && 'type' in response && 'title' in response) {
      return { ...(response as ProblemDetails), ...base };
    }
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String((response as { message: unknown }).message)
        : exception.message;
    // Nest's own messages quote the request ("Cannot POST /citizens/..."), which is the caller's text.
    return {
      type: 'about:blank',
      title: statusTitle(status),
      status,
      detail: maskCprNumbers(message),
      ...base,
    };
  }
  const status = fastifyStatus(exception);
  if (status !== undefined && status < 500) {
    return {
      type: 'about:blank',
      title: statusTitle(status),
      status,
      detail: maskCprNumbers((exception as Error).message),
      ...base,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The request failed. Quote the request id when reporting it.',
    ...base,
  };
}

/** Fastify's own errors (body too large, malformed JSON, wrong content type) carry a statusCode. */
function fastifyStatus(exception: unknown): number | undefined {
  if (typeof exception === 'object' && exception !== null && 'statusCode' in exception) {
    const code = Number((exception as { statusCode: unknown }).statusCode);
    return Number.isInteger(code) ? code : undefined;
  }
  return undefined;
}

function statusTitle(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

function titleFromCode(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}
