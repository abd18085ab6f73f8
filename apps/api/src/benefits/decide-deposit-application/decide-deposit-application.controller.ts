import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DecideDepositApplication } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { BenefitsRecordedResponse } from '../benefits.responses';
import { DecideDepositApplicationDto } from './decide-deposit-application.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/deposit-applications/:applicationId/decision')
export class DecideDepositApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record the decision on a deposit application',
    description:
      '404 for an unknown application, 409 when already decided, 422 when the amount does not fit the outcome ' +
      '(more than applied, 0 kr granted, a refusal without a reason code).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: BenefitsRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  decide(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('applicationId') applicationId: string,
    @Body() dto: DecideDepositApplicationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitsRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'DecideDepositApplication',
            citizenId,
            applicationId,
            occurredAt: occurredAt(dto, now),
            outcome: dto.outcome,
            grantedAmountKr: dto.grantedAmountKr,
            reasonCode: dto.reasonCode,
          }) satisfies DecideDepositApplication,
        ctx,
      ),
    );
  }
}
