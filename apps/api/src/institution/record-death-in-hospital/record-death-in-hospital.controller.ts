import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordDeathInHospital } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { RecordDeathInHospitalDto } from './record-death-in-hospital.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions/:admissionId/death')
export class RecordDeathInHospitalController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a death during an admission (MedCom MORS)',
    description:
      'Closes the admission; no later admission or prison intake is accepted. Support courses are not ended here: the provider ends them (unplanned, reason died).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  died(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('admissionId') admissionId: string,
    @Body() dto: RecordDeathInHospitalDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordDeathInHospital',
            citizenId,
            admissionId,
            occurredAt: occurredAt(dto, now),
          }) satisfies RecordDeathInHospital,
        ctx,
      ),
    );
  }
}
