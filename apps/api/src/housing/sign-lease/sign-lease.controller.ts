import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignLease } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HousingRecordedResponse } from '../housing.responses';
import { SignLeaseDto } from './sign-lease.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/offers/:offerId/lease')
export class SignLeaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the lease for an accepted offer was signed',
    description:
      'Starts the tenancy. Only for an accepted offer: 409 (housing-offer-not-accepted) otherwise, 409 ' +
      '(lease-already-signed) the second time, 404 (housing-offer-not-found) for an unknown offer.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HousingRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  sign(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('offerId') offerId: string,
    @Body() dto: SignLeaseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HousingRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'SignLease',
            citizenId,
            occurredAt: occurredAt(dto, now),
            offerId,
            leaseType: dto.leaseType,
            leaseStartsOn: dto.leaseStartsOn,
          }) satisfies SignLease,
        ctx,
      ),
    );
  }
}
