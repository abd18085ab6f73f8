import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordHousingOfferLapsed } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { RecordHousingOfferLapsedDto } from './record-housing-offer-lapsed.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/offers/:offerId/lapse')
export class RecordHousingOfferLapsedController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a housing offer lapsed, with the reason',
    description:
      'Also for an ACCEPTED offer whose lease was never signed, typically because the deposit decision came too ' +
      'late (reason benefits-processing-time). 404 (housing-offer-not-found) for an unknown offer, 409 ' +
      '(housing-offer-not-open) once it was declined, lapsed or leased.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  lapse(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('offerId') offerId: string,
    @Body() dto: RecordHousingOfferLapsedDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordHousingOfferLapsed',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId,
            reason: dto.reason,
          }) satisfies RecordHousingOfferLapsed,
        ctx,
      ),
    );
  }
}
