import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { validateCpr } from '@hf/domain';
import { PersonalDataVault } from '@hf/platform';
import { citizenNotFound } from '../../shared/citizen-exists';
import { CLOCK, Clock } from '../../shared/clock';
import { FindCitizenByCprQuery } from './find-citizen-by-cpr.query';

@QueryHandler(FindCitizenByCprQuery)
export class FindCitizenByCprHandler implements IQueryHandler<FindCitizenByCprQuery, { citizenId: string }> {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ cpr, ctx }: FindCitizenByCprQuery): Promise<{ citizenId: string }> {
    const valid = validateCpr(cpr);
    if (!valid.ok) throw new Error('CPR passed DTO validation but not the domain check');
    const citizenId = await this.vault.findByCpr(valid.normalized);
    if (!citizenId) throw citizenNotFound();
    // A citizen the unit has no relation to is "not found", like an unregistered CPR (the policy logs the try).
    await this.access.authorizeRead(
      {
        principal: ctx.principal,
        citizenId,
        action: 'find-by-cpr',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      },
      this.clock.now(),
    );
    return { citizenId };
  }
}
