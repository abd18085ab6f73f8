import { Controller, Delete, HttpCode, Inject } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { ownSubscription } from '../own-subscription';

@ApiTags('webhooks')
@Controller('webhook-subscriptions/:subscriptionId')
export class DeleteSubscriptionController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Stop a subscription',
    description:
      'Nothing more is sent to it, pending deliveries included. The row stays (marked deleted) so its delivery log ' +
      'remains for the audit trail.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async delete(@UuidParam('subscriptionId') id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await ownSubscription(this.pool, id, ctx);
    await this.pool.query(`UPDATE webhook_subscriptions SET status = 'deleted' WHERE subscription_id = $1`, [
      id,
    ]);
  }
}
