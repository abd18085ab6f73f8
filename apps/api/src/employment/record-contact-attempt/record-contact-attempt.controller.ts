import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AttemptPersonalContact } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { RecordSanctionContactAttemptDto } from './record-contact-attempt.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/sanction-warnings/:warningId/contact-attempts')
export class RecordContactAttemptController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Document a personal contact attempt in the hearing on a sanction warning',
    description:
      'How and with what outcome; every attempt counts towards the extended hearing. 404 for an unknown warning, 409 once the warning is imposed or withdrawn.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  attempt(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('warningId') warningId: string,
    @Body() dto: RecordSanctionContactAttemptDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'AttemptPersonalContact',
            citizenId,
            warningId,
            occurredAt: occurredAt(dto, now),
            channel: dto.channel,
            outcome: dto.outcome,
          }) satisfies AttemptPersonalContact,
        ctx,
      ),
    );
  }
}
