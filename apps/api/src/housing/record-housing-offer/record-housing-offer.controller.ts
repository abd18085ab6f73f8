import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OfferHousing } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingOfferedResponse } from '../housing.responses';
import { RecordHousingOfferDto } from './record-housing-offer.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/offers')
export class RecordHousingOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a housing offer',
    description:
      'Housing First: an offer is never conditional on treatment, sobriety or "housing readiness" (such fields ' +
      'are refused with 400), and a past eviction never blocks one. The lease-signing deadline drives the ' +
      "benefits office's fast-track queue for the deposit.",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingOfferedResponse })
  @ApiProblems(400, 404, 409, 422)
  async offer(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordHousingOfferDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingOfferedResponse> {
    const offerId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'OfferHousing',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId,
            dwelling: dto.dwelling,
            housingAssociation: dto.housingAssociation,
            monthlyRentKr: dto.monthlyRentKr,
            depositKr: dto.depositKr,
            leaseSigningDeadline: dto.leaseSigningDeadline,
            expectedMoveIn: dto.expectedMoveIn,
            allocationRequestId: dto.allocationRequestId ?? null,
          }) satisfies OfferHousing,
        ctx,
      ),
    );
    return { offerId, ...result };
  }
}
