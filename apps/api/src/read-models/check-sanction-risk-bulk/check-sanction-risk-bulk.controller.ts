import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { CheckSanctionRiskBulkDto, SANCTION_RISK_BULK_MAX } from './check-sanction-risk-bulk.dto';
import { CheckSanctionRiskBulkQuery } from './check-sanction-risk-bulk.query';
import { SanctionRiskBulkResponse } from './check-sanction-risk-bulk.response';

@ApiTags('read models')
@ForUnitTypes('jobcentre', 'social-authority', 'support-provider', 'benefits')
@Controller('sanction-risk')
export class CheckSanctionRiskBulkController {
  constructor(private readonly queries: QueryBus) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: `Check sanction risk for up to ${SANCTION_RISK_BULK_MAX} citizens at once (flag only)`,
    description:
      "The same check as GET /citizens/{citizenId}/sanction-risk for a list of citizen ids (e.g. a caseworker's " +
      'caseload before a sanction run). A POST so that the ids travel in the body. Writes one read-audit row per ' +
      'citizen found; an id with no citizen answers found: false. Reads only, records nothing.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read, e.g. sanction-hearing; written to the read audit log',
  })
  @ApiOkResponse({ type: SanctionRiskBulkResponse })
  @ApiProblems(400)
  check(
    @Body() dto: CheckSanctionRiskBulkDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SanctionRiskBulkResponse> {
    return this.queries.execute(new CheckSanctionRiskBulkQuery(dto.citizenIds, ctx));
  }
}
