import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ResumeSupport } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { ResumeSupportDto } from './resume-support.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/resume')
export class ResumeSupportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Resume a paused support course',
    description: 'Refused with 409 (support-not-paused) unless the course is paused.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  resume(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: ResumeSupportDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'ResumeSupport',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
          }) satisfies ResumeSupport,
        ctx,
      ),
    );
  }
}
