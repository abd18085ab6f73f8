import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { citizenStreamId, validateCpr } from '@hf/domain';
import { copenhagenInstant } from '@hf/domain/calendar';
import { ALERT_THRESHOLDS } from '@hf/domain/alerts/thresholds';
import {
  HospitalAdmissionKind,
  institutionProcess,
  InstitutionState,
  PlanHospitalDischarge,
  RecordHospitalDischarge,
  RecordPrisonIntake,
  RecordPrisonRelease,
  SchedulePrisonRelease,
} from '@hf/domain/institution/institution';
import { SupportState } from '@hf/domain/support/support';
import { EVENT_STORE, EventStore, loadState } from '@hf/event-store';
import { PersonalDataVault } from '@hf/platform';
import { RegisterCitizenCommand } from '../../citizens/register-citizen/register-citizen.command';
import { ForUnitTypes } from '../../http/authentication.guard';
import { IdempotentByMessageId } from '../../http/idempotency.interceptor';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, idSource, RequestContext } from '../../http/request-context';
import { CLOCK, Clock } from '../../shared/clock';
import { domainCodec } from '../../shared/domain-codec';
import { admitPausingSupport, decideInstitution } from '../admit-pausing-support';
import {
  coursesToPause,
  coursesToResume,
  pauseReasonFor,
  pauseSupportCourses,
  resumeSupportCourses,
} from '../support-coordination';
import { DischargeNoticeResponse, ReceiveDischargeNoticeDto } from './receive-discharge-notice.dto';

const A1 = ALERT_THRESHOLDS.A1;

/**
 * Discharge and release notices from psychiatry, hospitals and prisons that know the citizen by CPR number only
 * (homeless citizens often get no MedCom message: no Danish home address). The notice is idempotent by the
 * sender's X-Message-Id (a repeat replays the first answer; every id is derived from it, so a retry after a crash
 * lands on the same records). The citizen is found by the CPR number's HMAC or registered as a provisional
 * citizen; the admission or prison stay on record is used, or recorded (pausing support as the REST endpoints
 * do); then the planned or actual discharge/release is recorded with the same commands as those endpoints.
 * Less than 48 hours' notice is marked short notice in the answer, and A1 raises its alert as `high`.
 */
@ApiTags('institution transitions')
@ForUnitTypes('psychiatry', 'hospital', 'prison')
@Controller('notices/discharges')
export class ReceiveDischargeNoticeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @IdempotentByMessageId()
  @ApiOperation({
    summary: 'Receive a discharge or release notice (by CPR number)',
    description:
      'For wards, hospitals and prisons: planned or actual discharge/release, expected date, destination, housing ' +
      'status, needs at arrival. X-Message-Id (the sender’s own message id) is required and makes the notice ' +
      'idempotent. An unknown CPR number registers a provisional citizen.',
  })
  @ApiHeader({ name: 'X-Message-Id', required: true, description: 'The sender’s message id' })
  @ApiCreatedResponse({ type: DischargeNoticeResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async receive(
    @Body() dto: ReceiveDischargeNoticeDto,
    @Ctx() request: RequestContext,
  ): Promise<DischargeNoticeResponse> {
    if (request.messageId === undefined) {
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        'header X-Message-Id is required',
        {
          errors: [{ pointer: '#/header/x-message-id', detail: 'is required for a notice' }],
        },
      );
    }
    if (dto.status === 'planned' && dto.expectedDate === undefined) {
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        '/expectedDate: required when planned',
        {
          errors: [{ pointer: '/expectedDate', detail: 'is required when status is planned' }],
        },
      );
    }
    const now = this.clock.now();
    const seed = `notice|${request.principal.unit}|${request.messageId}`;
    const ctx = (step: string): RequestContext => ({ ...request, newId: idSource(`${seed}|${step}`) });
    const { citizenId, provisional } = await this.resolveCitizen(dto, request, `${seed}|register`);
    const prison = request.principal.unitType === 'prison';
    const { noticeId, recorded } = prison
      ? await this.prisonNotice(citizenId, dto, now, ctx)
      : await this.hospitalNotice(citizenId, dto, now, request, ctx);
    const leadTimeHours =
      dto.status === 'planned'
        ? Math.round(
            (copenhagenInstant(dto.expectedDate!, A1.assumedDischargeTime).getTime() - now.getTime()) /
              3_600_000,
          )
        : null;
    return {
      citizenId,
      provisional,
      noticeId,
      recorded,
      leadTimeHours,
      shortNotice: leadTimeHours === null || leadTimeHours < A1.highLeadTimeHours,
    };
  }

  private async hospitalNotice(
    citizenId: string,
    dto: ReceiveDischargeNoticeDto,
    now: Date,
    request: RequestContext,
    ctx: (step: string) => RequestContext,
  ): Promise<{ noticeId: string; recorded: string[] }> {
    const kind: HospitalAdmissionKind =
      request.principal.unitType === 'psychiatry' ? 'psychiatric' : 'somatic';
    const recorded: string[] = [];
    const state = await this.institution(citizenId);
    let admissionId = state.openAdmissionId;
    if (admissionId === null) {
      const newAdmission = ctx('admission').newId();
      const admitted = await admitPausingSupport(
        this.commands,
        {
          citizenId,
          admissionId: newAdmission,
          occurredAt: dto.admittedAt ? new Date(dto.admittedAt) : now,
          kind,
          medcomCode: 'STIN',
          hospitalName: dto.institutionName,
        },
        { admit: ctx('admit'), pause: ctx('pause') },
      );
      recorded.push(...admitted.recorded);
      admissionId = newAdmission;
    }
    const id = admissionId;
    const destination = dto.destination ?? 'unknown';
    if (dto.status === 'planned') {
      const result = await decideInstitution(
        this.commands,
        citizenId,
        ctx('plan'),
        async () =>
          ({
            type: 'PlanHospitalDischarge',
            citizenId,
            admissionId: id,
            occurredAt: now,
            expectedDate: dto.expectedDate!,
            destination,
            housingStatus: dto.housingStatus,
            medicationNeeds: dto.medicationNeeds ?? 'unknown',
          }) satisfies PlanHospitalDischarge,
      );
      return { noticeId: id, recorded: [...recorded, ...result.recorded] };
    }
    const dischargedAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    let toResume: string[] = [];
    const result = await decideInstitution(
      this.commands,
      citizenId,
      ctx('discharge'),
      async ({ stateOf }) => {
        const admission = (await stateOf<InstitutionState>('institution')).admissions[id];
        if (admission)
          toResume = coursesToResume(
            await stateOf<SupportState>('support'),
            id,
            pauseReasonFor(admission.kind),
            dischargedAt,
          );
        return {
          type: 'RecordHospitalDischarge',
          citizenId,
          admissionId: id,
          dischargeId: ctx('discharge-id').newId(),
          occurredAt: dischargedAt,
          destination,
        } satisfies RecordHospitalDischarge;
      },
    );
    await resumeSupportCourses(
      this.commands,
      citizenId,
      toResume,
      { institutionStayId: id, occurredAt: dischargedAt },
      ctx('resume'),
    );
    return { noticeId: id, recorded: [...recorded, ...result.recorded] };
  }

  private async prisonNotice(
    citizenId: string,
    dto: ReceiveDischargeNoticeDto,
    now: Date,
    ctx: (step: string) => RequestContext,
  ): Promise<{ noticeId: string; recorded: string[] }> {
    const recorded: string[] = [];
    const state = await this.institution(citizenId);
    let stayId = state.openPrisonStayId;
    if (stayId === null) {
      const newStay = ctx('stay').newId();
      const intakeAt = dto.admittedAt ? new Date(dto.admittedAt) : now;
      let toPause: string[] = [];
      recorded.push(
        ...(
          await decideInstitution(this.commands, citizenId, ctx('intake'), async ({ stateOf }) => {
            toPause = coursesToPause(await stateOf<SupportState>('support'), intakeAt);
            return {
              type: 'RecordPrisonIntake',
              citizenId,
              stayId: newStay,
              occurredAt: intakeAt,
              institutionName: dto.institutionName,
            } satisfies RecordPrisonIntake;
          })
        ).recorded,
      );
      await pauseSupportCourses(
        this.commands,
        citizenId,
        toPause,
        { reason: 'prison', institutionStayId: newStay, occurredAt: intakeAt },
        ctx('pause'),
      );
      stayId = newStay;
    }
    const id = stayId;
    if (dto.status === 'planned') {
      const result = await decideInstitution(
        this.commands,
        citizenId,
        ctx('schedule'),
        async () =>
          ({
            type: 'SchedulePrisonRelease',
            citizenId,
            stayId: id,
            occurredAt: now,
            expectedReleaseDate: dto.expectedDate!,
            housingStatus: dto.housingStatus,
          }) satisfies SchedulePrisonRelease,
      );
      return { noticeId: id, recorded: [...recorded, ...result.recorded] };
    }
    const releasedAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    let toResume: string[] = [];
    const result = await decideInstitution(this.commands, citizenId, ctx('release'), async ({ stateOf }) => {
      toResume = coursesToResume(await stateOf<SupportState>('support'), id, 'prison', releasedAt);
      return {
        type: 'RecordPrisonRelease',
        citizenId,
        stayId: id,
        releaseId: ctx('release-id').newId(),
        occurredAt: releasedAt,
      } satisfies RecordPrisonRelease;
    });
    await resumeSupportCourses(
      this.commands,
      citizenId,
      toResume,
      { institutionStayId: id, occurredAt: releasedAt },
      ctx('resume'),
    );
    return { noticeId: id, recorded: [...recorded, ...result.recorded] };
  }

  /** By CPR number, else a provisional citizen under an id derived from the message (a retry finds it again). */
  private async resolveCitizen(
    dto: ReceiveDischargeNoticeDto,
    request: RequestContext,
    seed: string,
  ): Promise<{ citizenId: string; provisional: boolean }> {
    if (dto.cpr !== undefined) {
      const cpr = validateCpr(dto.cpr);
      const found = cpr.ok ? await this.vault.findByCpr(cpr.normalized) : null;
      if (found) return { citizenId: found, provisional: false };
    }
    // A retry of a notice that registered its provisional citizen and then failed finds that citizen again.
    const derived = idSource(seed)();
    if ((await this.store.readStream(citizenStreamId(derived))).length > 0)
      return { citizenId: derived, provisional: true };
    const handlekommune = dto.handlekommune ?? request.principal.municipality;
    if (handlekommune === null) {
      throw ProblemException.of(
        422,
        'handlekommune-unknown',
        'Handlekommune unknown',
        'No citizen is known by this notice, and it names no handlekommune to register a provisional citizen under.',
      );
    }
    const { citizenId } = await this.commands.execute<RegisterCitizenCommand, { citizenId: string }>(
      new RegisterCitizenCommand(
        {
          handlekommune,
          ...(dto.cpr !== undefined ? { cpr: dto.cpr } : {}),
          ...(dto.name !== undefined ? { name: dto.name } : {}),
          ...(dto.alias !== undefined ? { alias: dto.alias } : {}),
        },
        { ...request, newId: idSource(seed) },
      ),
    );
    return { citizenId, provisional: true };
  }

  private async institution(citizenId: string): Promise<InstitutionState> {
    const streamId = institutionProcess.streamId(citizenId);
    return (await loadState(this.store, domainCodec, streamId, institutionProcess.decider)).state;
  }
}
