import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SubmitDepositApplication } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { DepositApplicationIdResponse } from '../benefits.responses';
import { SubmitDepositApplicationDto } from './submit-deposit-application.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/deposit-applications')
export class SubmitDepositApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a deposit, moving-expense or furniture application',
    description:
      'The legal basis follows from the kind. A beboerindskudslån for a dwelling that is not social housing is ' +
      'refused with 422 (beboerindskudslan-requires-social-housing).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: DepositApplicationIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async submit(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: SubmitDepositApplicationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DepositApplicationIdResponse> {
    const applicationId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'SubmitDepositApplication',
            citizenId,
            applicationId,
            occurredAt: occurredAt(dto, now),
            kind: dto.kind,
            amountKr: dto.amountKr,
            decidingMunicipality: dto.decidingMunicipality,
            socialHousing: dto.socialHousing ?? false,
            linkedOfferId: dto.linkedOfferId,
            leaseSigningDeadline: dto.leaseSigningDeadline,
          }) satisfies SubmitDepositApplication,
        ctx,
      ),
    );
    return { applicationId, ...result };
  }
}
