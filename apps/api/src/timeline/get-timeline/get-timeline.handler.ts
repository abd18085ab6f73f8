import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { EVENT_STORE, EventStore } from '@hf/event-store';
import { PG_POOL } from '@hf/platform';
import { readTimeline } from '@hf/projections';
import type { Pool } from 'pg';
import { assertCitizenExists } from '../../shared/citizen-exists';
import { GetTimelineQuery } from './get-timeline.query';
import { TimelineResponse } from './timeline.response';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, TimelineResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, ctx, knownAt, validAt }: GetTimelineQuery): Promise<TimelineResponse> {
    await assertCitizenExists(this.store, citizenId);
    await this.access.authorizeRead({
      principal: ctx.principal,
      citizenId,
      action: 'timeline',
      purpose: ctx.purpose,
      requestId: ctx.requestId,
    });
    const rows = await readTimeline(this.pool, citizenId, { knownAt, validAt });
    return {
      citizenId,
      knownAt: knownAt?.toISOString() ?? null,
      validAt: validAt?.toISOString() ?? null,
      entries: rows.map((row) => ({
        eventId: row.event_id,
        citizenId: row.citizen_id,
        type: row.type,
        category: row.category,
        occurredAt: row.occurred_at.toISOString(),
        recordedAt: row.recorded_at.toISOString(),
        summary: row.summary,
      })),
    };
  }
}
