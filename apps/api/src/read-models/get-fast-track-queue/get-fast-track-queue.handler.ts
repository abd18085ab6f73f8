import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { forbidden } from '../../http/authentication.guard';
import { PG_POOL } from '@hf/platform';
import {
  encodeQueueCursor,
  readFastTrackQueue,
} from '@hf/projections/fast-track-queue/fast-track-queue.read';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { FastTrackQueueResponse } from './fast-track-queue.response';
import { GetFastTrackQueueQuery } from './get-fast-track-queue.query';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

@QueryHandler(GetFastTrackQueueQuery)
export class GetFastTrackQueueHandler implements IQueryHandler<
  GetFastTrackQueueQuery,
  FastTrackQueueResponse
> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({
    municipality,
    limit,
    after,
    ctx,
  }: GetFastTrackQueueQuery): Promise<FastTrackQueueResponse> {
    if (ctx.principal.municipality !== municipality) throw forbidden();
    const now = this.clock.now();
    const page = await readFastTrackQueue(this.pool, { municipality, limit, after, now });
    // Each citizen on the page is a read of that citizen's benefits data: one audit row per citizen, written
    // before the page is handed out. The queue is the receiving municipality's (aktivloven §85 is decided where
    // the citizen moves to), so a citizen of another handlekommune on it is still this office's case.
    await this.access.auditMany(
      {
        principal: ctx.principal,
        action: 'fast-track-queue',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      page.items.map((i) => i.citizenId),
    );
    return {
      municipality,
      asOf: now.toISOString(),
      items: page.items.map((item) => ({
        ...item,
        submittedAt: item.submittedAt.toISOString(),
        fastTrackedAt: iso(item.fastTrackedAt),
        deadlineAt: iso(item.deadlineAt),
      })),
      nextCursor: page.nextCursor ? encodeQueueCursor(page.nextCursor) : null,
    };
  }
}
