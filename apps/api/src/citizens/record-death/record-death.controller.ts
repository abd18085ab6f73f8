import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordCitizenDeath } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { RecordDeathDto } from './record-death.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/death')
export class RecordDeathController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: "Record the citizen's death",
    description:
      'After this every further citizen command (handlekommune, contacts, consents, preferences, situation) is ' +
      'refused with 409 (citizen-deceased). The history is kept.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordDeathDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordCitizenDeath',
            citizenId,
            occurredAt: occurredAt(dto, now),
          }) satisfies RecordCitizenDeath,
        ctx,
      ),
    );
  }
}
