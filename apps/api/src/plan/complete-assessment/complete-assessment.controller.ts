import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompleteAssessment } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PlanRecordedResponse } from '../plan.responses';
import { CompleteAssessmentDto } from './complete-assessment.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/assessments/:assessmentId/complete')
export class CompleteAssessmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an adult assessment (VUM) was completed',
    description:
      'Refused with 404 (assessment-not-found) for an assessment that was never started, and with 409 ' +
      '(assessment-already-completed) the second time.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PlanRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  complete(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @Body() dto: CompleteAssessmentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'CompleteAssessment',
            citizenId,
            occurredAt: occurredAt(dto, now),
            assessmentId,
            supportNeedIdentified: dto.supportNeedIdentified,
          }) satisfies CompleteAssessment,
        ctx,
      ),
    );
  }
}
