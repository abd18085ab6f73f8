import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CitizenNotVisibleError } from '@hf/access';
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
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenIds, ctx }: CheckSanctionRiskBulkQuery): Promise<SanctionRiskBulkResponse> {
    const ids = [...new Set(citizenIds.map((id) => id.toLowerCase()))];
    const now = this.clock.now();
    // An id that is unknown or not visible to the caller's unit reads as "not found", the same either way.
    const readable: string[] = [];
    for (let i = 0; i < ids.length; i += AUDIT_CONCURRENCY) {
      await Promise.all(
        ids.slice(i, i + AUDIT_CONCURRENCY).map(async (citizenId) => {
          try {
            await this.access.authorizeRead(
              {
                principal: ctx.principal,
                citizenId,
                action: 'sanction-risk',
                purpose: ctx.purpose,
                requestId: ctx.requestId,
              },
              now,
            );
            readable.push(citizenId);
          } catch (error) {
            if (!(error instanceof CitizenNotVisibleError)) throw error;
          }
        }),
      );
    }
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
}
