import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MakeActionPlan } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PlanRecordedResponse } from '../plan.responses';
import { MakeActionPlanDto } from './make-action-plan.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/action-plans/:actionPlanId/make')
export class MakeActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an offered §141 action plan was made with the citizen',
    description:
      'Refused with 404 (action-plan-not-offered) when no such plan was offered, and with 409 ' +
      '(action-plan-offer-already-answered) when the offer was declined or the plan already made.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlanRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  make(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('actionPlanId') actionPlanId: string,
    @Body() dto: MakeActionPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'MakeActionPlan',
            citizenId,
            occurredAt: occurredAt(dto, now),
            actionPlanId,
            focusAreas: dto.focusAreas,
            nextFollowUpDue: dto.nextFollowUpDue ?? null,
          }) satisfies MakeActionPlan,
        ctx,
      ),
    );
  }
}
