import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EndAftercare } from '@hf/domain';
import { RecordedResponse } from '../../citizens/recorded.response';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EndAftercareDto } from './end-aftercare.dto';

@ApiTags('shelter stays (§110)')
@Controller('citizens/:citizenId/shelter-stays/:stayId/aftercare/end')
export class EndAftercareController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that aftercare (efterforsorg) ended',
    description:
      'Only a running aftercare can end, once (409 aftercare-not-started, aftercare-already-ended). Aftercare ' +
      'lapses a year after the discharge, so a later end is refused (422 aftercare-beyond-one-year).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  end(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: EndAftercareDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'shelter-stay',
        citizenId,
        ({ now }) =>
          ({
            type: 'EndAftercare',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies EndAftercare,
        ctx,
      ),
    );
  }
}
