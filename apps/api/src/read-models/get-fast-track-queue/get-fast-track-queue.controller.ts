import { ForUnitTypes } from '../../http/authentication.guard';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decodeQueueCursor } from '@hf/projections/fast-track-queue/fast-track-queue.read';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, RequestContext } from '../../http/request-context';
import { FastTrackQueueResponse } from './fast-track-queue.response';
import { FAST_TRACK_QUEUE_DEFAULT_LIMIT, GetFastTrackQueueParams } from './get-fast-track-queue.params';
import { GetFastTrackQueueQuery } from './get-fast-track-queue.query';

@ApiTags('read models')
@ForUnitTypes('benefits', 'social-authority')
@Controller('benefits/fast-track-queue')
export class GetFastTrackQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "The benefits office's fast-track queue of deposit and moving-expense applications",
    description:
      'Undecided beboerindskudslån and moving-expense applications decided by the given municipality that are linked ' +
      'to a housing offer or carry a lease-signing deadline, earliest deadline first (the deadline comes from the ' +
      'application or from the linked housing offer, whichever is earlier), with the time to the deadline and the ' +
      'time in the queue. Rows name the citizen by id only. One read-audit row per citizen on the page.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; written to the read audit log',
  })
  @ApiOkResponse({ type: FastTrackQueueResponse })
  @ApiProblems(400)
  get(@Query() params: GetFastTrackQueueParams, @Ctx() ctx: RequestContext): Promise<FastTrackQueueResponse> {
    let after = null;
    if (params.cursor !== undefined) {
      after = decodeQueueCursor(params.cursor);
      if (!after)
        throw ProblemException.of(
          400,
          'validation-failed',
          'The request is not valid',
          '/cursor: not a cursor of this queue',
          {
            errors: [{ pointer: '#/query/cursor', detail: 'must be the nextCursor of a previous page' }],
          },
        );
    }
    return this.queries.execute(
      new GetFastTrackQueueQuery(
        params.municipality,
        params.limit ?? FAST_TRACK_QUEUE_DEFAULT_LIMIT,
        after,
        ctx,
      ),
    );
  }
}
