import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordContactAttempt } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { RecordContactAttemptDto } from './record-contact-attempt.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/contact-attempts')
export class RecordContactAttemptController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record an attempt to reach the citizen',
    description:
      'How and with what outcome. A reached attempt on a course whose contact was lost also records ContactRestored.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  attempt(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: RecordContactAttemptDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordContactAttempt',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
            channel: dto.channel,
            outcome: dto.outcome,
          }) satisfies RecordContactAttempt,
        ctx,
      ),
    );
  }
}
