import { ForUnitTypes } from '../../http/authentication.guard';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { CitizenSummaryResponse } from './citizen-summary.response';
import { GetCitizenSummaryQuery } from './get-citizen-summary.query';

@ApiTags('read models')
@ForUnitTypes(
  'social-authority',
  'support-provider',
  'benefits',
  'jobcentre',
  'shelter',
  'housing-allocation',
  'prevention-team',
)
@Controller('citizens/:citizenId/summary')
export class GetCitizenSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "A citizen's situation now: housing, shelter, support, contacts, jobcentre caseworker, open alerts",
    description:
      'Housing status (a permanent lease and a move-in end homelessness; a transitional lease does not; a tenancy that ' +
      'ended ends it again) and since when, the open §110 stay with its days, running support courses with method and ' +
      'pause, the named contact per role (opaque staff ids, unit and work channel), the jobcentre caseworker, and open ' +
      'alerts. Covers linked records. Built by the worker, so a just-recorded fact can take a moment to appear. ' +
      'Every read is audit-logged.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; written to the read audit log',
  })
  @ApiOkResponse({ type: CitizenSummaryResponse })
  @ApiProblems(400, 404)
  get(
    @UuidParam('citizenId') citizenId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CitizenSummaryResponse> {
    return this.queries.execute(new GetCitizenSummaryQuery(citizenId, ctx));
  }
}
