import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { GetTimelineParams } from './get-timeline.params';
import { GetTimelineQuery } from './get-timeline.query';
import { TimelineResponse } from './timeline.response';

@ApiTags('timeline')
@Controller('citizens/:citizenId/timeline')
export class GetTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A citizen's timeline across sectors",
    description:
      'Entries in the order things happened (occurredAt), each with when the system learnt it (recordedAt) and its ' +
      'visibility category. Two time-travel reads: knownAt = the timeline as the system knew it then (recordedAt <= ' +
      'knownAt), validAt = what had happened by then as known now (occurredAt <= validAt); a fact reported late ' +
      'shows in a validAt read but not in a knownAt read from before it was reported. Built by the worker from the ' +
      'event log, so a just-recorded fact can take a moment to appear. Every read is audit-logged.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; written to the read audit log',
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiProblems(400, 404)
  get(
    @UuidParam('citizenId') citizenId: string,
    @Query() params: GetTimelineParams,
    @Ctx() ctx: RequestContext,
  ): Promise<TimelineResponse> {
    return this.queries.execute(
      new GetTimelineQuery(
        citizenId,
        ctx,
        params.knownAt ? new Date(params.knownAt) : undefined,
        params.validAt ? new Date(params.validAt) : undefined,
      ),
    );
  }
}
