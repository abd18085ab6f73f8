import { CommandEnvelope } from '@hf/event-store';
import { RequestContext } from '../http/request-context';

/** Every event carries the request id as its correlation id, and who recorded it for which unit. */
export function envelopeFor(ctx: RequestContext, now: Date): CommandEnvelope {
  return {
    now,
    newId: ctx.newId,
    metadata: {
      correlationId: ctx.requestId,
      causationId: ctx.requestId,
      principal: ctx.principal.id,
      unit: ctx.principal.unit,
      source: { system: ctx.principal.unit, ...(ctx.messageId ? { messageId: ctx.messageId } : {}) },
    },
  };
}
