import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordHandlekommuneNotified } from '@hf/domain';
import { RecordedResponse } from '../../citizens/recorded.response';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordHandlekommuneNotifiedDto } from './record-handlekommune-notified.dto';

@ApiTags('shelter stays (§110)')
@Controller('citizens/:citizenId/shelter-stays/:stayId/handlekommune-notified')
export class RecordHandlekommuneNotifiedController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the shelter notified the handlekommune of the stay (§110 stk. 6)',
    description:
      'The shelter must notify the handlekommune within 3 working days of the admission; this records that it ' +
      'did, when and how. Once per open stay: 409 (handlekommune-already-notified, shelter-stay-already-discharged).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: RecordHandlekommuneNotifiedDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'shelter-stay',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordHandlekommuneNotified',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
            channel: dto.channel,
          }) satisfies RecordHandlekommuneNotified,
        ctx,
      ),
    );
  }
}
