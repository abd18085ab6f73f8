import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImposeSanction } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { ImposeSanctionDto } from './impose-sanction.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/sanction-warnings/:warningId/sanction')
export class ImposeSanctionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a sanction was imposed on a warning',
    description:
      'Only on an open warning (409 when withdrawn or already imposed). For an activity-ready citizen only after at least one documented personal contact attempt (422 extended-hearing-contact-attempt-required).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  impose(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('warningId') warningId: string,
    @Body() dto: ImposeSanctionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'ImposeSanction',
            citizenId,
            warningId,
            occurredAt: occurredAt(dto, now),
            amountKr: dto.amountKr,
          }) satisfies ImposeSanction,
        ctx,
      ),
    );
  }
}
