import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PauseSupport } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { PauseSupportDto } from './pause-support.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/pause')
export class PauseSupportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Pause an active support course',
    description:
      'Housing First: a pause never ends a course; it can be resumed and ended later. Pausing a paused course records nothing. Hospital admissions and prison intakes recorded through /institution pause courses by themselves.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  pause(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: PauseSupportDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'PauseSupport',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies PauseSupport,
        ctx,
      ),
    );
  }
}
