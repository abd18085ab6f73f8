import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeclineHousingOffer } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { DeclineHousingOfferDto } from './decline-housing-offer.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/offers/:offerId/decline')
export class DeclineHousingOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a housing offer was declined, with the reason',
    description:
      'An open offer (offered, or accepted but not yet leased) can be declined. 404 (housing-offer-not-found) for ' +
      'an unknown offer, 409 (housing-offer-not-open) once it was declined, lapsed or leased.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  decline(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('offerId') offerId: string,
    @Body() dto: DeclineHousingOfferDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'DeclineHousingOffer',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId,
            reason: dto.reason,
          }) satisfies DeclineHousingOffer,
        ctx,
      ),
    );
  }
}
