import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionState, RecordHospitalDischarge } from '@hf/domain/institution/institution';
import type { SupportState } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HospitalDischargeResponse } from '../institution.responses';
import { coursesToResume, pauseReasonFor, resumeSupportCourses } from '../support-coordination';
import { RecordHospitalDischargeDto } from './record-hospital-discharge.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions/:admissionId/discharge')
export class RecordHospitalDischargeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a discharge (MedCom SLHJ)',
    description:
      'Only for an open admission (409 hospital-admission-not-open). Then resumes every support course that this ' +
      'admission paused. Two appends, safe to retry with the same Idempotency-Key.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HospitalDischargeResponse })
  @ApiProblems(400, 404, 409, 422)
  async discharge(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('admissionId') admissionId: string,
    @Body() dto: RecordHospitalDischargeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HospitalDischargeResponse> {
    const dischargeId = ctx.newId();
    let toResume: string[] = [];
    let dischargedAt = new Date(0);
    const discharge = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        async ({ now, stateOf }) => {
          const institution = await stateOf<InstitutionState>('institution');
          const admission = institution.admissions[admissionId];
          if (admission) {
            // On a retry the discharge may already be recorded: resume as of its recorded time.
            const replay = admission.dischargeId === dischargeId && admission.closedAt !== null;
            dischargedAt = replay ? new Date(admission.closedAt as string) : occurredAt(dto, now);
            const support = await stateOf<SupportState>('support');
            toResume = coursesToResume(support, admissionId, pauseReasonFor(admission.kind), dischargedAt);
          }
          return {
            type: 'RecordHospitalDischarge',
            citizenId,
            admissionId,
            dischargeId,
            occurredAt: occurredAt(dto, now),
            ...(dto.destination !== undefined ? { destination: dto.destination } : {}),
          } satisfies RecordHospitalDischarge;
        },
        ctx,
      ),
    );
    const resumed = await resumeSupportCourses(
      this.commands,
      citizenId,
      toResume,
      { institutionStayId: admissionId, occurredAt: dischargedAt },
      ctx,
    );
    return { recorded: [...discharge.recorded, ...resumed], dischargeId, resumedSupportIds: toResume };
  }
}
