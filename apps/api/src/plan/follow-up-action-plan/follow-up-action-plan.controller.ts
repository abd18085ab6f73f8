import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowUpActionPlan } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PlanRecordedResponse } from '../plan.responses';
import { FollowUpActionPlanDto } from './follow-up-action-plan.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/action-plans/:actionPlanId/follow-ups')
export class FollowUpActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a follow-up of a §141 action plan',
    description:
      'Only a plan that was made can be followed up: 409 (action-plan-not-made) for an offer that is unanswered ' +
      'or declined, 404 (action-plan-not-offered) for an unknown plan.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlanRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  followUp(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('actionPlanId') actionPlanId: string,
    @Body() dto: FollowUpActionPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'FollowUpActionPlan',
            citizenId,
            occurredAt: occurredAt(dto, now),
            actionPlanId,
            revised: dto.revised,
            nextFollowUpDue: dto.nextFollowUpDue ?? null,
          }) satisfies FollowUpActionPlan,
        ctx,
      ),
    );
  }
}
