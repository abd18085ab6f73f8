import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { ownSubscription } from '../own-subscription';
import { ReplayDeliveriesDto } from './replay-deliveries.dto';

export class ReplayResponse {
  @ApiProperty({ description: 'Deliveries queued again', example: 3 }) requeued!: number;
}

@ApiTags('webhooks')
@Controller('webhook-subscriptions/:subscriptionId/replay')
export class ReplayDeliveriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue deliveries again',
    description:
      'Dead letters (no range) or every finished delivery of a range of item ids go back to pending with a fresh ' +
      'retry schedule and the same webhook-id. Each is judged by the access policy again when it is sent.',
  })
  @ApiAcceptedResponse({ type: ReplayResponse })
  @ApiProblems(400, 404)
  async replay(
    @UuidParam('subscriptionId') id: string,
    @Body() dto: ReplayDeliveriesDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ReplayResponse> {
    await ownSubscription(this.pool, id, ctx);
    const ranged = dto.fromItemId !== undefined || dto.toItemId !== undefined;
    if (
      ranged &&
      (dto.fromItemId === undefined || dto.toItemId === undefined || dto.fromItemId > dto.toItemId)
    )
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        'fromItemId and toItemId go together, from <= to',
        { errors: [{ pointer: '#/toItemId', detail: 'must be given with fromItemId and not be below it' }] },
      );
    const { rowCount } = await this.pool.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = '-infinity', updated_at = now()
        WHERE subscription_id = $1 AND status <> 'pending'
          AND (CASE WHEN $2::bigint IS NULL THEN status = 'dead' ELSE item_id BETWEEN $2 AND $3 END)`,
      [id, ranged ? dto.fromItemId : null, ranged ? dto.toItemId : null],
    );
    return { requeued: rowCount ?? 0 };
  }
}
