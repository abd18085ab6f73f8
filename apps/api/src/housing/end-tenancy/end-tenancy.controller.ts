import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EndTenancy } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { EndTenancyDto } from './end-tenancy.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/tenancy-ended')
export class EndTenancyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a tenancy ended',
    description:
      'Only when there is a current tenancy: 409 (no-current-tenancy) otherwise. It does not end support.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  end(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: EndTenancyDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'EndTenancy',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
            reason: dto.reason,
          }) satisfies EndTenancy,
        ctx,
      ),
    );
  }
}
