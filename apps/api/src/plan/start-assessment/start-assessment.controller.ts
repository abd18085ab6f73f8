import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartAssessment } from '@hf/domain/plan/plan';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { AssessmentStartedResponse } from '../plan.responses';
import { StartAssessmentDto } from './start-assessment.dto';

@ApiTags('plan & assessment')
@Controller('citizens/:citizenId/plan/assessments')
export class StartAssessmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an adult assessment (VUM) has started',
    description:
      'Refused with 409 (assessment-already-in-progress) while another assessment of the citizen is in progress.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AssessmentStartedResponse })
  @ApiProblems(400, 404, 409, 422)
  async start(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: StartAssessmentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentStartedResponse> {
    const assessmentId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'plan',
        citizenId,
        ({ now }) =>
          ({
            type: 'StartAssessment',
            citizenId,
            occurredAt: occurredAt(dto, now),
            assessmentId,
            method: dto.method,
            expectedCompletionBy: dto.expectedCompletionBy ?? null,
          }) satisfies StartAssessment,
        ctx,
      ),
    );
    return { assessmentId, ...result };
  }
}
