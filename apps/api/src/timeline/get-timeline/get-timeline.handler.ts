import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { PG_POOL } from '@hf/platform';
import { readTimeline } from '@hf/projections';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { GetTimelineQuery } from './get-timeline.query';
import { TimelineResponse } from './timeline.response';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, TimelineResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, ctx, knownAt, validAt }: GetTimelineQuery): Promise<TimelineResponse> {
    const view = await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'timeline',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      this.clock.now(),
    );
    // Entries the reader may not see are left out, not masked: even the fact that one exists is information.
    const rows = (await readTimeline(this.pool, citizenId, { knownAt, validAt })).filter((row) =>
      view.sees({
        category: row.category,
        recordedByUnit: row.recorded_by_unit,
        relatedUnits: row.related_units,
        legalBasis: row.legal_basis,
      }),
    );
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
