import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WithdrawConsent } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { WithdrawConsentDto } from './withdraw-consent.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/consents/:consentId/withdraw')
export class WithdrawConsentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that the citizen withdrew a consent',
    description:
      'Takes effect for every later read and delivery. Only an active consent can be withdrawn, once: 404 ' +
      '(consent-not-found), 409 (consent-already-withdrawn, consent-expired).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  withdraw(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('consentId') consentId: string,
    @Body() dto: WithdrawConsentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'WithdrawConsent',
            citizenId,
            occurredAt: occurredAt(dto, now),
            consentId,
            withdrawnVia: dto.withdrawnVia,
          }) satisfies WithdrawConsent,
        ctx,
      ),
    );
  }
}
