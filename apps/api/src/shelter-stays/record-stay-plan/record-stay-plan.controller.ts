import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordStayPlan } from '@hf/domain';
import { RecordedResponse } from '../../citizens/recorded.response';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordStayPlanDto } from './record-stay-plan.dto';

@ApiTags('shelter stays (§110)')
@Controller('citizens/:citizenId/shelter-stays/:stayId/stay-plan')
export class RecordStayPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a plan for the stay was made',
    description:
      "The shelter's plan for the stay, not the municipality's §141 action plan. Once per open stay: 409 " +
      '(stay-plan-already-made, shelter-stay-already-discharged).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: RecordStayPlanDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'shelter-stay',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordStayPlan',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
          }) satisfies RecordStayPlan,
        ctx,
      ),
    );
  }
}
