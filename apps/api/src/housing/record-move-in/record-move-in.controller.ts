import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordMoveIn } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RecordMoveInDto } from './record-move-in.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/move-in')
export class RecordMoveInController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the citizen moved in',
    description:
      'Only after a lease was signed: 409 (no-lease-signed) otherwise, 409 (already-moved-in) the second time. ' +
      'Support should start from move-in (002:L425).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  moveIn(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordMoveInDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordMoveIn',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
          }) satisfies RecordMoveIn,
        ctx,
      ),
    );
  }
}
