import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanHospitalDischarge } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { PlanHospitalDischargeDto } from './plan-hospital-discharge.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions/:admissionId/discharge-planned')
export class PlanHospitalDischargeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a planned discharge (date, destination, housing status, medication needs)',
    description:
      'A later plan replaces the earlier one. A psychiatric plan is the discharge agreement / coordination plan of psykiatriloven §13 a-c. Medication needs are a coarse category only: never diagnoses, drugs or doses.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  plan(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('admissionId') admissionId: string,
    @Body() dto: PlanHospitalDischargeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'PlanHospitalDischarge',
            citizenId,
            admissionId,
            occurredAt: occurredAt(dto, now),
            expectedDate: dto.expectedDate,
            destination: dto.destination,
            housingStatus: dto.housingStatus,
            medicationNeeds: dto.medicationNeeds,
          }) satisfies PlanHospitalDischarge,
        ctx,
      ),
    );
  }
}
