import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, unitOf } from '@hf/access';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { APP_CONFIG, AppConfig, PG_POOL } from '@hf/platform';
import { readFeedItems, toCloudEvent, unitMaySee } from '@hf/projections/notifications';
import type { Pool } from 'pg';
import type { RequestContext } from '../../http/request-context';
import { CLOCK, Clock } from '../../shared/clock';
import { FeedPageResponse } from '../feed.response';

/**
 * The caller's unit's items after a cursor: the alert lifecycle events addressed to it (by unit id, or unit type and
 * municipality, as the inbox), each judged by the access policy now, exactly as a webhook delivery is. Items the
 * unit may not see are skipped but the cursor moves past them, so pages stay stable. Every citizen shown is
 * audit-logged (action `feed`).
 */
@Injectable()
export class GetFeedHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(
    ctx: RequestContext,
    after: bigint,
    limit: number,
    action = 'feed',
  ): Promise<FeedPageResponse> {
    const unit = unitOf(ctx.principal);
    const items = await readFeedItems(
      this.pool,
      { unitId: unit.id, unitType: unit.type, municipality: unit.municipality },
      after,
      limit,
    );
    const now = this.clock.now();
    const visible = [];
    for (const item of items)
      if (
        await unitMaySee(
          this.pool,
          this.store,
          item,
          { principalId: ctx.principal.id, unit, purpose: ctx.purpose },
          now,
        )
      )
        visible.push(item);
    await this.access.auditMany(
      { principal: ctx.principal, action, purpose: ctx.purpose, requestId: ctx.requestId },
      visible.map((i) => i.citizen_id),
    );
    return {
      items: visible.map((item) => ({
        cursor: String(item.item_id),
        event: toCloudEvent(item, this.config.webhooks.source).toJSON(),
      })),
      nextCursor: items.length > 0 ? String(items[items.length - 1].item_id) : after.toString(),
    };
  }
}
