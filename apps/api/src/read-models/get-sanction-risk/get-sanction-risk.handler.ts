import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { GetSanctionRiskQuery } from './get-sanction-risk.query';
import { checkSanctionRisk } from './sanction-risk.reader';
import { SanctionRiskResponse } from './sanction-risk.response';

@QueryHandler(GetSanctionRiskQuery)
export class GetSanctionRiskHandler implements IQueryHandler<GetSanctionRiskQuery, SanctionRiskResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, ctx }: GetSanctionRiskQuery): Promise<SanctionRiskResponse> {
    const now = this.clock.now();
    // The answer is flag-only by design (no events, health and justice merged), so any unit allowed on the route
    // may have it once the citizen is visible to it.
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
    const assessment = (await checkSanctionRisk(this.pool, [citizenId], now)).get(citizenId)!;
    return { ...assessment, checkedAt: now.toISOString() };
  }
}
