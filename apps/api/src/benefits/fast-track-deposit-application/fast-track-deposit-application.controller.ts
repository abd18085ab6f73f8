import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastTrackDepositApplication } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { BenefitsRecordedResponse } from '../benefits.responses';
import { FastTrackDepositApplicationDto } from './fast-track-deposit-application.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/deposit-applications/:applicationId/fast-track')
export class FastTrackDepositApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Put a deposit application on the fast track (target: decision within 24 hours)',
    description: 'Only an undecided application, and only once (409 otherwise).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: BenefitsRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  fastTrack(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('applicationId') applicationId: string,
    @Body() dto: FastTrackDepositApplicationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitsRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'FastTrackDepositApplication',
            citizenId,
            applicationId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies FastTrackDepositApplication,
        ctx,
      ),
    );
  }
}
