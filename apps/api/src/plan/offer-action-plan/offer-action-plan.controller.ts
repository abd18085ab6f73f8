import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OfferActionPlan } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { ActionPlanOfferedResponse } from '../plan.responses';
import { OfferActionPlanDto } from './offer-action-plan.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/action-plans')
export class OfferActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a §141 action plan (handleplan) was offered',
    description:
      'Serviceloven §141: the municipality offers the plan; the citizen may accept (the plan is then made) or ' +
      'decline. A new offer while a plan is in force is a revision. Refused with 409 (action-plan-offer-pending) ' +
      'while an earlier offer is unanswered.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ActionPlanOfferedResponse })
  @ApiProblems(400, 404, 409, 422)
  async offer(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: OfferActionPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanOfferedResponse> {
    const actionPlanId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'OfferActionPlan',
            citizenId,
            occurredAt: occurredAt(dto, now),
            actionPlanId,
          }) satisfies OfferActionPlan,
        ctx,
      ),
    );
    return { actionPlanId, ...result };
  }
}
