import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { validateCpr } from '@hf/domain';
import { PersonalDataVault } from '@hf/platform';
import { citizenNotFound } from '../../shared/citizen-exists';
import { FindCitizenByCprQuery } from './find-citizen-by-cpr.query';

@QueryHandler(FindCitizenByCprQuery)
export class FindCitizenByCprHandler implements IQueryHandler<FindCitizenByCprQuery, { citizenId: string }> {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ cpr, ctx }: FindCitizenByCprQuery): Promise<{ citizenId: string }> {
    const valid = validateCpr(cpr);
    if (!valid.ok) throw new Error('CPR passed DTO validation but not the domain check');
    const citizenId = await this.vault.findByCpr(valid.normalized);
    if (!citizenId) throw citizenNotFound();
    await this.access.authorizeRead({
      principal: ctx.principal,
      citizenId,
      action: 'find-by-cpr',
      purpose: ctx.purpose,
      requestId: ctx.requestId,
    });
    return { citizenId };
  }
}
