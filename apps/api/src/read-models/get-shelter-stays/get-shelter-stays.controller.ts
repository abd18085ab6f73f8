import { ForUnitTypes } from '../../http/authentication.guard';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { GetShelterStaysQuery } from './get-shelter-stays.query';
import { ShelterStaysResponse } from './shelter-stays.response';

@ApiTags('read models')
@ForUnitTypes('social-authority', 'support-provider', 'shelter')
@Controller('citizens/:citizenId/shelter-stays')
export class GetShelterStaysController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A citizen's §110 shelter stays with the refund clock",
    description:
      'Each stay with its dates and days (nights), and the refund clock: days used in the rolling year (365 days back ' +
      "from today, or from the stay's discharge), the limit that applies by the admission date (a configurable " +
      'table with effective dates: 120 days, 90 days for stays admitted from 1 April 2026) and the days left. Stays ' +
      'of linked records count for the same person. Every read is audit-logged.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; written to the read audit log',
  })
  @ApiOkResponse({ type: ShelterStaysResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('citizenId') citizenId: string, @Ctx() ctx: RequestContext): Promise<ShelterStaysResponse> {
    return this.queries.execute(new GetShelterStaysQuery(citizenId, ctx));
  }
}
