import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WithdrawSanction } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { WithdrawSanctionDto } from './withdraw-sanction.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/sanction-warnings/:warningId/withdraw')
export class WithdrawSanctionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Withdraw a sanction warning or an imposed sanction',
    description: 'At most once (409 sanction-already-withdrawn); 404 for an unknown warning.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  withdraw(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('warningId') warningId: string,
    @Body() dto: WithdrawSanctionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'WithdrawSanction',
            citizenId,
            warningId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies WithdrawSanction,
        ctx,
      ),
    );
  }
}
