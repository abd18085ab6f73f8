import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EndHospitalLeave } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { EndHospitalLeaveDto } from './end-hospital-leave.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions/:admissionId/leave-end')
export class EndHospitalLeaveController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record that a patient is back from leave (MedCom SLOR)',
    description: 'Refused with 409 (hospital-leave-not-started) unless the patient is on leave.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  endLeave(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('admissionId') admissionId: string,
    @Body() dto: EndHospitalLeaveDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'EndHospitalLeave',
            citizenId,
            admissionId,
            occurredAt: occurredAt(dto, now),
          }) satisfies EndHospitalLeave,
        ctx,
      ),
    );
  }
}
