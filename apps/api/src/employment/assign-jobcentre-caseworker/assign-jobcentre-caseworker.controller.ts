import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignJobcentreCaseworker } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { AssignJobcentreCaseworkerDto } from './assign-jobcentre-caseworker.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/caseworker-assignments')
export class AssignJobcentreCaseworkerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record which jobcentre caseworker the citizen has',
    description:
      'A staff id and unit, never a name, so that support workers know whom to call. 409 when the same caseworker is already assigned.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  assign(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: AssignJobcentreCaseworkerDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'AssignJobcentreCaseworker',
            citizenId,
            occurredAt: occurredAt(dto, now),
            caseworkerId: dto.caseworkerId,
            unitId: dto.unitId,
          }) satisfies AssignJobcentreCaseworker,
        ctx,
      ),
    );
  }
}
