import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { citizenStreamId } from '@hf/domain';
import { EVENT_STORE, EventStore } from '@hf/event-store';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { checkSanctionRisk } from '../get-sanction-risk/sanction-risk.reader';
import { CheckSanctionRiskBulkQuery } from './check-sanction-risk-bulk.query';
import { SanctionRiskBulkResponse } from './check-sanction-risk-bulk.response';

const AUDIT_CONCURRENCY = 4;

@QueryHandler(CheckSanctionRiskBulkQuery)
export class CheckSanctionRiskBulkHandler implements IQueryHandler<
  CheckSanctionRiskBulkQuery,
  SanctionRiskBulkResponse
> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenIds, ctx }: CheckSanctionRiskBulkQuery): Promise<SanctionRiskBulkResponse> {
    const ids = [...new Set(citizenIds.map((id) => id.toLowerCase()))];
    const found = await this.registered(ids);
    // One audit row per citizen whose data is read (an unknown id reads nothing), a few at a time so that a
    // large check does not take every pooled connection.
    const readable = ids.filter((id) => found.has(id));
    for (let i = 0; i < readable.length; i += AUDIT_CONCURRENCY) {
      await Promise.all(
        readable.slice(i, i + AUDIT_CONCURRENCY).map((citizenId) =>
          this.access.authorizeRead({
            principal: ctx.principal,
            citizenId,
            action: 'sanction-risk',
            purpose: ctx.purpose,
            requestId: ctx.requestId,
          }),
        ),
      );
    }
    const now = this.clock.now();
    const assessments = await checkSanctionRisk(this.pool, readable, now);
    return {
      checkedAt: now.toISOString(),
      results: ids.map((citizenId) => {
        const a = assessments.get(citizenId);
        return a
          ? { citizenId, found: true, level: a.level, reasons: a.reasons, hearingContact: a.hearingContact }
          : { citizenId, found: false, level: null, reasons: [], hearingContact: null };
      }),
    };
  }

  /**
   * Registered citizens among the ids: the read model knows most of them in one query; the few it has not seen
   * yet (registered a moment ago) are looked up in the event store, which is the truth.
   */
  private async registered(ids: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ citizen_id: string }>(
      'SELECT citizen_id FROM citizen_status WHERE citizen_id = ANY($1::uuid[]) AND registered_at IS NOT NULL',
      [ids],
    );
    const found = new Set(rows.map((r) => r.citizen_id));
    for (const id of ids.filter((i) => !found.has(i))) {
      const events = await this.store.readStream(citizenStreamId(id));
      if (events.length > 0) found.add(id);
    }
    return found;
  }
}
