import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReceiveEvictionNotice } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RecordEvictionNoticeDto } from './record-eviction-notice.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/eviction-notices')
export class RecordEvictionNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an eviction notice (fogedsag) was received for a current tenancy',
    description:
      'Only for a current tenancy (409 no-current-tenancy) and one open case at a time (409 ' +
      'eviction-case-already-open). The bailiff date is the deadline for "tenancy at risk" (A10).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  receive(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordEvictionNoticeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'ReceiveEvictionNotice',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
            bailiffDate: dto.bailiffDate,
          }) satisfies ReceiveEvictionNotice,
        ctx,
      ),
    );
  }
}
