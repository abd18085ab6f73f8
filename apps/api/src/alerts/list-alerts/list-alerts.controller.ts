import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { AlertsPageResponse } from '../alert.response';
import { ALERTS_DEFAULT_LIMIT, ListAlertsParams } from './list-alerts.params';
import { ListAlertsQuery } from './list-alerts.query';

@ApiTags('alerts')
@Controller('alerts')
export class ListAlertsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A unit's alert inbox",
    description:
      'Interface alerts (DOMAIN.md §6) addressed to a unit, filtered by unit type, municipality, unit id, status, rule ' +
      'and citizen; most urgent first (severity, then due time) or newest first; paged with a cursor. Until ' +
      "authentication exists the unit is chosen by the parameters; the access policy will bind them to the caller's " +
      'unit. Built by the worker from the alert events, so a new alert can take a moment to appear. Every citizen on ' +
      'a page is audit-logged.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; written to the read audit log',
  })
  @ApiOkResponse({ type: AlertsPageResponse })
  @ApiProblems(400)
  list(@Query() params: ListAlertsParams, @Ctx() ctx: RequestContext): Promise<AlertsPageResponse> {
    return this.queries.execute(
      new ListAlertsQuery(
        {
          unitType: params.unitType,
          municipality: params.municipality,
          unitId: params.unitId,
          status: params.status ?? 'active',
          ruleId: params.ruleId,
          citizenId: params.citizenId,
          sort: params.sort ?? 'urgency',
          limit: params.limit ?? ALERTS_DEFAULT_LIMIT,
          cursor: params.cursor,
        },
        ctx,
      ),
    );
  }
}
