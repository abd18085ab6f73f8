import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordEvictionAverted } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RecordEvictionAvertedDto } from './record-eviction-averted.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/eviction-averted')
export class RecordEvictionAvertedController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an eviction was averted',
    description: 'Closes the open eviction case; 409 (no-open-eviction-case) when there is none.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  avert(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordEvictionAvertedDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordEvictionAverted',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
            avertedBy: dto.avertedBy,
          }) satisfies RecordEvictionAverted,
        ctx,
      ),
    );
  }
}
