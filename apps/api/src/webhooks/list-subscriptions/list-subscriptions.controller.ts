import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { Ctx, RequestContext } from '../../http/request-context';
import { SubscriptionResponse, SubscriptionRow, toSubscriptionResponse } from '../subscription.response';

export class SubscriptionsResponse {
  @ApiProperty({ type: [SubscriptionResponse] }) subscriptions!: SubscriptionResponse[];
}

@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class ListSubscriptionsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({ summary: "Your unit's webhook subscriptions (secrets are never shown again)" })
  @ApiOkResponse({ type: SubscriptionsResponse })
  async list(@Ctx() ctx: RequestContext): Promise<SubscriptionsResponse> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `SELECT * FROM webhook_subscriptions WHERE unit_id = $1 AND status <> 'deleted' ORDER BY created_at, subscription_id`,
      [ctx.principal.unit],
    );
    return { subscriptions: rows.map(toSubscriptionResponse) };
  }
}
