import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GrantExemption } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { GrantExemptionDto } from './grant-exemption.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/exemptions')
export class GrantExemptionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record an exemption from availability requirements',
    description:
      'Until a date (inclusive). While it runs, no sanction warning can be issued (422 citizen-exempt).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  grant(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: GrantExemptionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'GrantExemption',
            citizenId,
            occurredAt: occurredAt(dto, now),
            until: dto.until,
            reason: dto.reason,
          }) satisfies GrantExemption,
        ctx,
      ),
    );
  }
}
