import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChangeHandlekommune } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { ChangeHandlekommuneDto } from './change-handlekommune.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/handlekommune')
export class ChangeHandlekommuneController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Change the handlekommune (responsible municipality)',
    description:
      'Records the previous and the new handlekommune. A change to the current handlekommune is refused with 409 ' +
      '(handlekommune-unchanged); so is any change for a deceased citizen (citizen-deceased).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  change(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: ChangeHandlekommuneDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'ChangeHandlekommune',
            citizenId,
            occurredAt: occurredAt(dto, now),
            to: dto.to,
            reason: dto.reason,
          }) satisfies ChangeHandlekommune,
        ctx,
      ),
    );
  }
}
