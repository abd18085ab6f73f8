import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { CitizenIdResponse } from '../register-citizen/register-citizen.dto';
import { FindCitizenByCprDto } from './find-citizen-by-cpr.dto';
import { FindCitizenByCprQuery } from './find-citizen-by-cpr.query';

@ApiTags('citizens')
@Controller('citizens')
export class FindCitizenByCprController {
  constructor(private readonly queries: QueryBus) {}

  @Post('search-by-cpr')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Find a citizen by CPR number',
    description:
      'A POST so that the CPR number travels in the body, never in a URL. The look-up is audit-logged.',
  })
  @ApiOkResponse({ type: CitizenIdResponse })
  @ApiProblems(400, 404)
  find(@Body() dto: FindCitizenByCprDto, @Ctx() ctx: RequestContext): Promise<CitizenIdResponse> {
    return this.queries.execute<FindCitizenByCprQuery, { citizenId: string }>(
      new FindCitizenByCprQuery(dto.cpr, ctx),
    );
  }
}
