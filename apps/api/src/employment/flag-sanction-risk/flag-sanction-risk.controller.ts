import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FlagSanctionRisk } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { FlagSanctionRiskDto } from './flag-sanction-risk.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/sanction-risks')
export class FlagSanctionRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Flag a sanction risk before any warning',
    description: 'Lets the support worker and social authority act before a warning is issued.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  flag(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: FlagSanctionRiskDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'FlagSanctionRisk',
            citizenId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies FlagSanctionRisk,
        ctx,
      ),
    );
  }
}
