import { forbidden } from '../http/authentication.guard';
import { ownUnit } from '../http/own-unit';
import type { RequestContext } from '../http/request-context';

/**
 * The unit that acknowledges or resolves is the caller's own. The body may still name it (older clients did),
 * but naming another unit is refused: no unit acts for another.
 */
export function actingUnit(
  dto: { unitType?: string; unitId?: string },
  ctx: RequestContext,
): { unitType: RequestContext['principal']['unitType']; unitId: string } {
  if (dto.unitType && dto.unitType !== ctx.principal.unitType) throw forbidden();
  return { unitType: ctx.principal.unitType, unitId: ownUnit(dto.unitId, ctx) };
}
