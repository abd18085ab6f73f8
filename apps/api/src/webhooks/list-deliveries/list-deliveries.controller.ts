import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PG_POOL } from '@hf/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Pool } from 'pg';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { ownSubscription } from '../own-subscription';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'withheld'] as const;

export class ListDeliveriesParams {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'dead' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Deliveries of items after this item id (paging)', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterItemId?: number;

  @ApiPropertyOptional({ description: 'Page size (1-500)', example: 100, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeliveryResponse {
  @ApiProperty({ description: 'The notification item (also its feed cursor)', example: '42' })
  itemId!: string;
  @ApiProperty({ description: 'The webhook-id header, the same on every attempt', example: 'msg_0193…' })
  webhookId!: string;
  @ApiProperty({ example: 'dk.housingfirst.alert.raised' }) type!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'delivered' }) status!: string;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ nullable: true, type: Number, example: 204 }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) nextAttemptAt!: string | null;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:01.000Z' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-02T10:00:01.000Z' }) deliveredAt!:
    string | null;
}

export class DeliveriesResponse {
  @ApiProperty({ type: [DeliveryResponse] }) deliveries!: DeliveryResponse[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextAfterItemId!: string | null;
}

@ApiTags('webhooks')
@Controller('webhook-subscriptions/:subscriptionId/deliveries')
export class ListDeliveriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({
    summary: "A subscription's delivery log",
    description:
      'One row per item queued for the subscription, in item order. No citizen data: the item and webhook ids, ' +
      'the CloudEvents type, attempts, status (pending, delivered, dead after the last retry, withheld when the ' +
      'access policy refused it at delivery time), the last answer and the next attempt.',
  })
  @ApiOkResponse({ type: DeliveriesResponse })
  @ApiProblems(400, 404)
  async list(
    @UuidParam('subscriptionId') id: string,
    @Query() params: ListDeliveriesParams,
    @Ctx() ctx: RequestContext,
  ): Promise<DeliveriesResponse> {
    await ownSubscription(this.pool, id, ctx);
    const limit = params.limit ?? 100;
    const { rows } = await this.pool.query<{
      item_id: string;
      delivery_id: string;
      type: string;
      alert_id: string | null;
      status: string;
      attempts: number;
      last_status_code: number | null;
      last_error: string | null;
      next_attempt_at: Date | string;
      created_at: Date;
      updated_at: Date;
      delivered_at: Date | null;
    }>(
      `SELECT d.*, i.type, i.alert_id FROM webhook_deliveries d JOIN notification_items i USING (item_id)
        WHERE d.subscription_id = $1 AND d.item_id > $2 AND ($3::text IS NULL OR d.status = $3)
        ORDER BY d.item_id LIMIT $4`,
      [id, params.afterItemId ?? 0, params.status ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      deliveries: page.map((r) => ({
        itemId: String(r.item_id),
        webhookId: `msg_${r.delivery_id}`,
        type: ceType(r.type, r.alert_id !== null),
        status: r.status,
        attempts: r.attempts,
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        nextAttemptAt:
          r.status === 'pending' &&
          r.next_attempt_at instanceof Date &&
          !Number.isNaN(r.next_attempt_at.getTime())
            ? r.next_attempt_at.toISOString()
            : null,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
      })),
      nextAfterItemId: rows.length > limit ? String(page[page.length - 1].item_id) : null,
    };
  }
}

function ceType(type: string, alert: boolean): string {
  const kebab = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return alert ? `dk.housingfirst.alert.${kebab.replace(/^alert-/, '')}` : `dk.housingfirst.event.${kebab}`;
}
