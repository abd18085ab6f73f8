import { ForUnitTypes } from '../../http/authentication.guard';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { GetSanctionRiskQuery } from './get-sanction-risk.query';
import { SanctionRiskResponse } from './sanction-risk.response';

@ApiTags('read models')
@ForUnitTypes('jobcentre', 'social-authority', 'support-provider', 'benefits')
@Controller('citizens/:citizenId/sanction-risk')
export class GetSanctionRiskController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Check sanction risk before a jobcentre sanction (flag only)',
    description:
      'Risk level with reasons: moved into a permanent home within 12 months, §85/§85a support running (method), ' +
      'staying in a §110 shelter, a hospital admission or prison stay within 90 days (not saying which); and whom to ' +
      'contact for the extended hearing (support worker, else shelter contact, else authority caseworker) with unit ' +
      'and work channel. Derived facts only, never the underlying events (DOMAIN.md §3). The read is audit-logged.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read, e.g. sanction-hearing; written to the read audit log',
  })
  @ApiOkResponse({ type: SanctionRiskResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('citizenId') citizenId: string, @Ctx() ctx: RequestContext): Promise<SanctionRiskResponse> {
    return this.queries.execute(new GetSanctionRiskQuery(citizenId, ctx));
  }
}
