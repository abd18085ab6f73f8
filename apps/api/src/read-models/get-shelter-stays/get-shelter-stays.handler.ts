import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { PG_POOL } from '@hf/platform';
import { SHELTER_REFUND_LIMITS } from '@hf/projections/shelter-stays/refund-clock';
import { readShelterStays, withRefundClock } from '@hf/projections/shelter-stays/shelter-stays.read';
import type { Pool } from 'pg';
import { CLOCK, Clock } from '../../shared/clock';
import { GetShelterStaysQuery } from './get-shelter-stays.query';
import { ShelterStaysResponse } from './shelter-stays.response';

@QueryHandler(GetShelterStaysQuery)
export class GetShelterStaysHandler implements IQueryHandler<GetShelterStaysQuery, ShelterStaysResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ citizenId, ctx }: GetShelterStaysQuery): Promise<ShelterStaysResponse> {
    const now = this.clock.now();
    const view = await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'shelter-stays',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      now,
    );
    // A shelter sees its own stays only (DOMAIN.md §3); the other units on this route see every stay.
    const stays = withRefundClock(
      (await readShelterStays(this.pool, [citizenId])).get(citizenId) ?? [],
      now,
    ).filter((s) =>
      view.sees({ category: 'shelter', recordedByUnit: null, relatedUnits: [s.shelterId], legalBasis: null }),
    );
    return {
      citizenId,
      asOf: now.toISOString(),
      refundLimits: SHELTER_REFUND_LIMITS.map((l) => ({ ...l })),
      stays: stays.map((s) => ({
        stayId: s.stayId,
        recordId: s.citizenId,
        shelterId: s.shelterId,
        shelterName: s.shelterName,
        municipalityOfStay: s.municipalityOfStay,
        handlekommune: s.handlekommune,
        referral: s.referral,
        admittedAt: s.admittedAt.toISOString(),
        admittedOn: s.admittedOn,
        dischargedAt: s.dischargedAt?.toISOString() ?? null,
        dischargedOn: s.dischargedOn,
        open: s.open,
        days: s.days,
        destination: s.destination,
        plannedDischarge: s.plannedDischarge,
        handlekommuneNotifiedAt: s.handlekommuneNotifiedAt?.toISOString() ?? null,
        refundClock: {
          referenceDate: s.refundClock.referenceDate,
          windowStart: s.refundClock.windowStart,
          daysUsedInRollingYear: s.refundClock.daysUsed,
          limitDays: s.refundClock.limitDays,
          limitEffectiveFrom: s.refundClock.limitEffectiveFrom,
          daysLeft: s.refundClock.daysLeft,
          exceeded: s.refundClock.exceeded,
        },
      })),
    };
  }
}
