import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordHomelessnessSituation } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { RecordHomelessnessSituationDto } from './record-homelessness-situation.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/homelessness-situations')
export class RecordHomelessnessSituationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: "Record where the citizen is staying (the national count's situation)",
    description:
      'Most homeless citizens are never in a §110 shelter; this records the situation of those who are not, too. ' +
      'occurredAt is when the situation was observed.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordHomelessnessSituationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordHomelessnessSituation',
            citizenId,
            occurredAt: occurredAt(dto, now),
            situation: dto.situation,
          }) satisfies RecordHomelessnessSituation,
        ctx,
      ),
    );
  }
}
