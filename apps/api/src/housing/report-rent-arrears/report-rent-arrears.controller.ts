import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReportRentArrears } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { ReportRentArrearsDto } from './report-rent-arrears.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/rent-arrears')
export class ReportRentArrearsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Report rent arrears on a current tenancy',
    description:
      'Only for a current tenancy: 409 (no-current-tenancy) otherwise. Raises "tenancy at risk" (A10).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  report(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: ReportRentArrearsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'ReportRentArrears',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId: dto.offerId ?? null,
            amountKr: dto.amountKr,
            monthsInArrears: dto.monthsInArrears,
          }) satisfies ReportRentArrears,
        ctx,
      ),
    );
  }
}
