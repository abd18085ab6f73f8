import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordEvictionExecuted } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RecordEvictionExecutedDto } from './record-eviction-executed.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/eviction-executed')
export class RecordEvictionExecutedController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an eviction was executed',
    description:
      'Ends the tenancy; 409 (no-open-eviction-case) without an open case. It does not end support, and it never ' +
      'blocks a later housing offer (Housing First).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  execute(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordEvictionExecutedDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordEvictionExecuted',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
          }) satisfies RecordEvictionExecuted,
        ctx,
      ),
    );
  }
}
