import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeclineActionPlan } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PlanRecordedResponse } from '../plan.responses';
import { DeclineActionPlanDto } from './decline-action-plan.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/action-plans/:actionPlanId/decline')
export class DeclineActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the citizen declined an offered §141 action plan',
    description:
      'Refused with 404 (action-plan-not-offered) when no such plan was offered, and with 409 ' +
      '(action-plan-offer-already-answered) when the offer was already declined or the plan made.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlanRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  decline(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('actionPlanId') actionPlanId: string,
    @Body() dto: DeclineActionPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'DeclineActionPlan',
            citizenId,
            occurredAt: occurredAt(dto, now),
            actionPlanId,
          }) satisfies DeclineActionPlan,
        ctx,
      ),
    );
  }
}
