import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordDocumentationReceived } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { BenefitsRecordedResponse } from '../benefits.responses';
import { RecordDocumentationReceivedDto } from './record-documentation-received.dto';

@ApiTags('benefits')
@Controller(
  'citizens/:citizenId/benefits/deposit-applications/:applicationId/documentation-requests/:requestId/received',
)
export class RecordDocumentationReceivedController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that requested documentation was received',
    description: '404 when no such request was made; 409 when it was already received.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: BenefitsRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  receive(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('applicationId') applicationId: string,
    @UuidParam('requestId') requestId: string,
    @Body() dto: RecordDocumentationReceivedDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitsRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordDocumentationReceived',
            citizenId,
            applicationId,
            requestId,
            occurredAt: occurredAt(dto, now),
          }) satisfies RecordDocumentationReceived,
        ctx,
      ),
    );
  }
}
