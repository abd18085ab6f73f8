import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartAftercare } from '@hf/domain';
import { RecordedResponse } from '../../citizens/recorded.response';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { StartAftercareDto } from './start-aftercare.dto';

@ApiTags('shelter stays (§110)')
@Controller('citizens/:citizenId/shelter-stays/:stayId/aftercare')
export class StartAftercareController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that aftercare (efterforsorg) started after the stay',
    description:
      'Only after the discharge (409 shelter-stay-not-discharged) and within a year of it (422 ' +
      'aftercare-beyond-one-year); once per stay (409 aftercare-already-started).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  start(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: StartAftercareDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'shelter-stay',
        citizenId,
        ({ now }) =>
          ({
            type: 'StartAftercare',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
          }) satisfies StartAftercare,
        ctx,
      ),
    );
  }
}
