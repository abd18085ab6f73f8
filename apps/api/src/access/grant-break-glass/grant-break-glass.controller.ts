import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, entryVisible } from '@hf/access';
import { BREAK_GLASS_DEFAULT_MINUTES, type GrantBreakGlassAccess } from '@hf/domain';
import { PG_POOL } from '@hf/platform';
import { readTimeline } from '@hf/projections';
import type { Pool } from 'pg';
import { ForUnitTypes, forbidden } from '../../http/authentication.guard';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { CLOCK, Clock } from '../../shared/clock';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { BreakGlassGrantResponse, GrantBreakGlassDto } from './grant-break-glass.dto';

@ApiTags('access')
@ForUnitTypes('social-authority')
@Controller('citizens/:citizenId/break-glass')
export class GrantBreakGlassController {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: AccessPolicy,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open the whole record in an emergency (break-glass)',
    description:
      'Social-authority staff only, signed in as a person. For up to 3 hours the caseworker sees every category of ' +
      "the citizen's record, health and justice included. The grant, its reason and every read under it are " +
      'logged, and each unit whose data it opens is told (alert A15).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: BreakGlassGrantResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async grant(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: GrantBreakGlassDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BreakGlassGrantResponse> {
    // Break-glass is a person's decision in an emergency, never a system's.
    if (ctx.principal.kind !== 'person') throw forbidden();
    const now = this.clock.now();
    const view = await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'break-glass',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      now,
    );
    const grantId = ctx.newId();
    const durationMinutes = dto.durationMinutes ?? BREAK_GLASS_DEFAULT_MINUTES;
    const owningUnits = await this.unitsOwningHiddenData(citizenId, view);
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'break-glass',
        citizenId,
        () =>
          ({
            type: 'GrantBreakGlassAccess',
            citizenId,
            grantId,
            principalId: ctx.principal.id,
            unitId: ctx.principal.unit,
            reason: dto.reason,
            durationMinutes,
            owningUnits,
          }) satisfies GrantBreakGlassAccess,
        ctx,
      ),
    );
    return {
      ...result,
      grantId,
      expiresAt: new Date(now.getTime() + durationMinutes * 60_000).toISOString(),
    };
  }

  /** The units that recorded what this caseworker could not see without the grant: they are the ones to tell. */
  private async unitsOwningHiddenData(
    citizenId: string,
    view: Awaited<ReturnType<AccessPolicy['authorizeRead']>>,
  ): Promise<{ unitId: string; unitType: string }[]> {
    const hidden = new Set(
      (await readTimeline(this.pool, citizenId))
        .filter(
          (row) =>
            !entryVisible(
              { ...view.viewer, breakGlass: false },
              {
                category: row.category,
                recordedByUnit: row.recorded_by_unit,
                relatedUnits: row.related_units,
                legalBasis: row.legal_basis,
              },
              view.facts,
            ),
        )
        .flatMap((row) => (row.recorded_by_unit ? [row.recorded_by_unit] : [])),
    );
    hidden.delete(view.viewer.unit.id);
    const { rows } = await this.pool.query<{ id: string; type: string }>(
      'SELECT id, type FROM units WHERE id = ANY($1::text[]) ORDER BY id',
      [[...hidden]],
    );
    return rows.map((r) => ({ unitId: r.id, unitType: r.type }));
  }
}
