import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ShelterStayState } from '@hf/domain';
import type { DecideSupport } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { SupportCourseResponse } from '../support.responses';
import { DecideSupportDto } from './decide-support.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses')
export class DecideSupportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a support decision (§85 bostøtte, §85a CTI/ICM/ACT/M-ACT, aftercare)',
    description:
      'Creates a support course. The legal basis (serviceloven §85 or §85a) follows from the method. A citizen ' +
      'may have several courses at once (parallel support is an alert, not a refusal).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SupportCourseResponse })
  @ApiProblems(400, 404, 409, 422)
  async decide(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: DecideSupportDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportCourseResponse> {
    const supportId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        async ({ now, stateOf }) => {
          const at = occurredAt(dto, now);
          const decidedBeforeShelterDischarge =
            dto.decidedBeforeShelterDischarge ??
            inShelterAt(await stateOf<ShelterStayState>('shelter-stay'), at);
          return {
            type: 'DecideSupport',
            citizenId,
            supportId,
            occurredAt: at,
            method: dto.method,
            providerUnitId: dto.providerUnitId,
            decidedBeforeShelterDischarge,
          } satisfies DecideSupport;
        },
        ctx,
      ),
    );
    return { ...result, supportId };
  }
}

/**
 * Was the citizen in a §110 shelter at `at`: a stay open since before then, or a discharge after then (a decision
 * reported late). Only the latest stay is in the shelter state, which is what this default needs.
 */
function inShelterAt(shelter: ShelterStayState, at: Date): boolean {
  const time = at.getTime();
  if (shelter.openStay !== null && Date.parse(shelter.openStay.admittedAt) <= time) return true;
  return shelter.lastDischargedAt !== null && Date.parse(shelter.lastDischargedAt) > time;
}
