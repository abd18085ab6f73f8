import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcceptHousingOffer } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { AcceptHousingOfferDto } from './accept-housing-offer.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/offers/:offerId/accept')
export class AcceptHousingOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the citizen accepted a housing offer',
    description:
      'Refused with 404 (housing-offer-not-found) for an unknown offer and with 409 ' +
      '(housing-offer-already-answered) for an offer already accepted, declined, lapsed or leased.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  accept(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('offerId') offerId: string,
    @Body() dto: AcceptHousingOfferDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'AcceptHousingOffer',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId,
          }) satisfies AcceptHousingOffer,
        ctx,
      ),
    );
  }
}
