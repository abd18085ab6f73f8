import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordWaitingPeriodPlan } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PlanRecordedResponse } from '../plan.responses';
import { RecordWaitingPeriodPlanDto } from './record-waiting-period-plan.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/waiting-period-plans')
export class RecordWaitingPeriodPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Record the waiting-period plan: where the citizen stays and who supports them until housing comes',
    description:
      'Housing First asks for this plan when support is decided and housing is not yet in place. It needs no ' +
      'assessment or §141 plan first; a new plan replaces the previous one.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlanRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordWaitingPeriodPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordWaitingPeriodPlan',
            citizenId,
            occurredAt: occurredAt(dto, now),
            stayingAt: dto.stayingAt,
            supportedBy: dto.supportedBy,
            supportUnitName: dto.supportUnitName ?? null,
            housingExpectedBy: dto.housingExpectedBy ?? null,
          }) satisfies RecordWaitingPeriodPlan,
        ctx,
      ),
    );
  }
}
