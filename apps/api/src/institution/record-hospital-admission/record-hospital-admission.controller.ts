import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionState, RecordHospitalAdmission } from '@hf/domain/institution/institution';
import { hasChapter16Support, SupportState } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { HospitalAdmissionResponse } from '../institution.responses';
import { coursesToPause, pauseReasonFor, pauseSupportCourses } from '../support-coordination';
import { RecordHospitalAdmissionDto } from './record-hospital-admission.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/hospital-admissions')
export class RecordHospitalAdmissionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a hospital or psychiatric admission (MedCom STIN/STAA)',
    description:
      'One open admission at a time (409 hospital-admission-already-open). Housing First: every active support ' +
      'course of the citizen is then PAUSED (reason psychiatric-admission or hospital-admission), never ended; ' +
      'the discharge resumes it. Two appends, safe to retry with the same Idempotency-Key. The legal basis is ' +
      'retssikkerhedsloven §12 c when the citizen has §85/§85a support, else psykiatriloven §13 a-c ' +
      '(psychiatric) or forvaltningsloven §28.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: HospitalAdmissionResponse })
  @ApiProblems(400, 404, 409, 422)
  async admit(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordHospitalAdmissionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<HospitalAdmissionResponse> {
    const admissionId = ctx.newId();
    let toPause: string[] = [];
    let admittedAt = new Date(0);
    const admission = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        async ({ now, stateOf }) => {
          const support = await stateOf<SupportState>('support');
          const institution = await stateOf<InstitutionState>('institution');
          // On a retry the admission may already be recorded: pause as of its recorded time.
          const earlier = institution.admissions[admissionId];
          admittedAt = earlier ? new Date(earlier.admittedAt) : occurredAt(dto, now);
          toPause = coursesToPause(support, admittedAt);
          return {
            type: 'RecordHospitalAdmission',
            citizenId,
            admissionId,
            occurredAt: occurredAt(dto, now),
            kind: dto.kind,
            medcomCode: dto.medcomCode ?? 'STIN',
            hospitalName: dto.hospitalName,
            ...(dto.ward !== undefined ? { ward: dto.ward } : {}),
            hasChapter16Support: hasChapter16Support(support),
          } satisfies RecordHospitalAdmission;
        },
        ctx,
      ),
    );
    const paused = await pauseSupportCourses(
      this.commands,
      citizenId,
      toPause,
      { reason: pauseReasonFor(dto.kind), institutionStayId: admissionId, occurredAt: admittedAt },
      ctx,
    );
    return { recorded: [...admission.recorded, ...paused], admissionId, pausedSupportIds: toPause };
  }
}
