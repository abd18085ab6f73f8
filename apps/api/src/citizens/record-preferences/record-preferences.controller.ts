import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordPreferences } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { RecordPreferencesDto } from './record-preferences.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/preferences')
export class RecordPreferencesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: "Record the citizen's housing preferences",
    description:
      'Preferred municipality and housing type. Each recording replaces the previous one. Preferences inform ' +
      'offers; they never gate them.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordPreferencesDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordPreferences',
            citizenId,
            occurredAt: occurredAt(dto, now),
            ...(dto.preferredMunicipality !== undefined
              ? { preferredMunicipality: dto.preferredMunicipality }
              : {}),
            ...(dto.housingType !== undefined ? { housingType: dto.housingType } : {}),
          }) satisfies RecordPreferences,
        ctx,
      ),
    );
  }
}
