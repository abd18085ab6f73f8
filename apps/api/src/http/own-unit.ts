import { forbidden } from './authentication.guard';
import type { RequestContext } from './request-context';

/** A unit acts only as itself: a body may still name the acting unit (older clients did), but only its own. */
export function ownUnit(named: string | undefined, ctx: RequestContext): string {
  if (named !== undefined && named !== ctx.principal.unit) throw forbidden();
  return ctx.principal.unit;
}
