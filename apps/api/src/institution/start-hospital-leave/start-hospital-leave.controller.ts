import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartHospitalLeave } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { StartHospitalLeaveDto } from './start-hospital-leave.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions/:admissionId/leave-start')
export class StartHospitalLeaveController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that an admitted patient goes on leave (MedCom STOR)',
    description:
      'The patient remains admitted and support stays paused. Refused with 409 when the admission has ended or the patient is already on leave.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  startLeave(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('admissionId') admissionId: string,
    @Body() dto: StartHospitalLeaveDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'StartHospitalLeave',
            citizenId,
            admissionId,
            occurredAt: occurredAt(dto, now),
            ...(dto.expectedReturnDate !== undefined ? { expectedReturnDate: dto.expectedReturnDate } : {}),
          }) satisfies StartHospitalLeave,
        ctx,
      ),
    );
  }
}
