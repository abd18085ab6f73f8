import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegisterOnWaitingList } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RegisterOnWaitingListDto } from './register-on-waiting-list.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/waiting-lists')
export class RegisterOnWaitingListController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the citizen was put on a housing waiting list',
    description:
      'A citizen may be on several lists at once (e.g. almen bolig in two municipalities and skæv bolig).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  register(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RegisterOnWaitingListDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RegisterOnWaitingList',
            citizenId,
            occurredAt: occurredAt(dto, now),
            housingType: dto.housingType,
            municipality: dto.municipality,
            housingAssociation: dto.housingAssociation ?? null,
          }) satisfies RegisterOnWaitingList,
        ctx,
      ),
    );
  }
}
