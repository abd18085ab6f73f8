import { Controller, Get, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { FeedPageResponse } from '../feed.response';
import { GetFeedHandler } from './get-feed.handler';
import { GetFeedParams } from './get-feed.params';

@ApiTags('webhooks')
@Controller('feed')
export class GetFeedController {
  constructor(private readonly handler: GetFeedHandler) {}

  @Get()
  @ApiOperation({
    summary: "Your unit's notifications, for units without a webhook endpoint",
    description:
      'The same items a webhook subscription gets for alerts (CloudEvents, judged by the access policy at read ' +
      'time), oldest first, cursor-paged: keep the last `nextCursor` and ask again. Audit-logged like every read.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Why the data is read; consents are bound to it',
  })
  @ApiOkResponse({ type: FeedPageResponse })
  @ApiProblems(400)
  get(@Query() params: GetFeedParams, @Ctx() ctx: RequestContext): Promise<FeedPageResponse> {
    return this.handler.execute(ctx, BigInt(params.after ?? '0'), params.limit ?? 50);
  }
}
