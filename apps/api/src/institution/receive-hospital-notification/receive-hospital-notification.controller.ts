import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@hf/domain';
import {
  admissionForMedcomEpisode,
  CancelHospitalNotice,
  EndHospitalLeave,
  HospitalAdmissionKind,
  InstitutionState,
  MedcomCancellationCode,
  MedcomRevisionCode,
  MedcomSource,
  RecordDeathInHospital,
  RecordHospitalDischarge,
  ReviseHospitalNotice,
  StartHospitalLeave,
} from '@hf/domain/institution/institution';
import { SupportState } from '@hf/domain/support/support';
import { PersonalDataVault } from '@hf/platform';
import { ForUnitTypes } from '../../http/authentication.guard';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, idSource, RequestContext } from '../../http/request-context';
import { RegisterCitizenCommand } from '../../citizens/register-citizen/register-citizen.command';
import { admitPausingSupport, decideInstitution } from '../admit-pausing-support';
import { coursesToResume, pauseReasonFor, resumeSupportCourses } from '../support-coordination';
import {
  HospitalNotification,
  InvalidHospitalNotification,
  parseHospitalNotification,
} from './hospital-notification';
import { HospitalNotificationResponse } from './receive-hospital-notification.response';

/**
 * MedCom HospitalNotification (DOMAIN.md §7) in, institution facts out. The message is read into one domain
 * command of the institution process, the same commands the REST endpoints use, so every rule holds for both:
 * STIN/STAA → RecordHospitalAdmission (pauses support), STOR/SLOR → Start/EndHospitalLeave, SLHJ →
 * RecordHospitalDischarge (resumes support), MORS → RecordDeathInHospital, RE_xx → ReviseHospitalNotice, AN_xx →
 * CancelHospitalNotice (AN_STIN/AN_STAA also resume the support the retracted admission paused).
 *
 * Idempotency: every id this request makes is derived from (sending unit, MessageHeader.id), and the institution
 * decider records the message id with its facts, so a repeated message appends nothing and answers the same.
 *
 * The citizen is found by the CPR number's HMAC (the vault); an unknown CPR on an admission (STIN/STAA) registers a
 * provisional citizen: handlekommune from the Patient's address when the message has one (DK Core
 * municipalityCodes extension), else the sending unit's municipality; a regional unit has none, and then the
 * message is refused (422 handlekommune-unknown) rather than filed under a guessed municipality. Any other code for
 * an unknown CPR or an unknown episode of care is 404 medcom-episode-not-found (the same answer either way, so a
 * sender learns nothing about who is registered).
 */
@ApiTags('institution transitions')
@ForUnitTypes('psychiatry', 'hospital')
@Controller('fhir/hospital-notifications')
export class ReceiveHospitalNotificationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a MedCom HospitalNotification (FHIR R4 message Bundle)',
    description:
      'Codes STIN, STAA, STOR, SLOR, SLHJ, MORS, RE_xx and AN_xx (Provenance.activity). Content type ' +
      'application/fhir+json or application/json. Idempotent by MessageHeader.id. Errors are FHIR ' +
      'OperationOutcome resources (application/fhir+json) with the HTTP status of the rule.',
  })
  @ApiConsumes('application/fhir+json', 'application/json')
  @ApiBody({ schema: { type: 'object', description: 'FHIR R4 Bundle (type message)' } })
  @ApiOkResponse({ type: HospitalNotificationResponse })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415, 422)
  async receive(
    @Body() body: Record<string, unknown>,
    @Ctx() request: RequestContext,
  ): Promise<HospitalNotificationResponse> {
    const notice = parse(body);
    const seed = `medcom|${request.principal.unit}|${notice.messageId}`;
    const ctx = (step: string): RequestContext => ({
      ...request,
      messageId: notice.messageId,
      newId: idSource(`${seed}|${step}`),
    });
    const kind: HospitalAdmissionKind =
      request.principal.unitType === 'psychiatry' ? 'psychiatric' : 'somatic';
    const medcom = { messageId: notice.messageId, code: notice.code } satisfies MedcomSource;

    let citizenId = await this.vault.findByCpr(notice.cpr);
    if (citizenId === null) {
      if (notice.code !== 'STIN' && notice.code !== 'STAA') throw episodeNotFound();
      citizenId = await this.registerProvisional(notice, request, ctx('register'));
    }
    const id = citizenId;

    if (notice.code === 'STIN' || notice.code === 'STAA') {
      const admissionId = ctx('admission').newId();
      await admitPausingSupport(
        this.commands,
        {
          citizenId: id,
          admissionId,
          occurredAt: notice.occurredAt,
          kind,
          medcomCode: notice.code as 'STIN' | 'STAA',
          hospitalName: notice.senderName ?? request.principal.unit,
          medcom,
          medcomEpisodeId: notice.episodeId,
        },
        { admit: ctx('notice'), pause: ctx('support') },
      );
      return respond(notice, id, admissionId);
    }

    let admissionId = '';
    let toResume: string[] = [];
    await decideInstitution(this.commands, id, ctx('notice'), async ({ stateOf }) => {
      const institution = await stateOf<InstitutionState>('institution');
      const admission = admissionForMedcomEpisode(institution, notice.episodeId);
      if (!admission) throw episodeNotFound();
      admissionId = admission.admissionId;
      const base = { citizenId: id, admissionId, occurredAt: notice.occurredAt, medcom };
      // A discharge, or the retraction of the whole admission, ends the pause the admission caused.
      const resumesSupport = notice.code === 'SLHJ' || notice.code === 'AN_STIN' || notice.code === 'AN_STAA';
      if (resumesSupport && !Object.hasOwn(institution.medcomMessageIds, notice.messageId)) {
        const support = await stateOf<SupportState>('support');
        toResume = coursesToResume(support, admissionId, pauseReasonFor(admission.kind), notice.occurredAt);
      }
      switch (notice.code) {
        case 'STOR':
          return { ...base, type: 'StartHospitalLeave' } satisfies StartHospitalLeave;
        case 'SLOR':
          return { ...base, type: 'EndHospitalLeave' } satisfies EndHospitalLeave;
        case 'SLHJ':
          return {
            ...base,
            type: 'RecordHospitalDischarge',
            dischargeId: ctx('discharge').newId(),
          } satisfies RecordHospitalDischarge;
        case 'MORS':
          return { ...base, type: 'RecordDeathInHospital' } satisfies RecordDeathInHospital;
        default:
          break;
      }
      if (notice.code.startsWith('RE_')) {
        return {
          type: 'ReviseHospitalNotice',
          citizenId: id,
          admissionId,
          occurredAt: notice.sentAt,
          correctedOccurredAt: notice.occurredAt,
          medcom: { ...medcom, code: notice.code as MedcomRevisionCode },
          ...(notice.referencedMessageId ? { revisedMessageId: notice.referencedMessageId } : {}),
        } satisfies ReviseHospitalNotice;
      }
      return {
        type: 'CancelHospitalNotice',
        citizenId: id,
        admissionId,
        occurredAt: notice.sentAt,
        medcom: { ...medcom, code: notice.code as MedcomCancellationCode },
        ...(notice.referencedMessageId ? { cancelledMessageId: notice.referencedMessageId } : {}),
      } satisfies CancelHospitalNotice;
    });
    await resumeSupportCourses(
      this.commands,
      id,
      toResume,
      { institutionStayId: admissionId, occurredAt: notice.occurredAt },
      ctx('support'),
    );
    return respond(notice, id, admissionId);
  }

  private async registerProvisional(
    notice: HospitalNotification,
    request: RequestContext,
    ctx: RequestContext,
  ): Promise<string> {
    const handlekommune = notice.municipality ?? request.principal.municipality;
    if (handlekommune === null) {
      throw ProblemException.of(
        422,
        'handlekommune-unknown',
        'Handlekommune unknown',
        'No citizen is registered with this CPR number, and the message names no municipality ' +
          '(Patient.address with a DK Core municipality code) to register a provisional citizen under.',
      );
    }
    const { citizenId } = await this.commands.execute<RegisterCitizenCommand, { citizenId: string }>(
      new RegisterCitizenCommand(
        {
          cpr: notice.cpr,
          handlekommune,
          ...(notice.patientName !== undefined ? { name: notice.patientName } : {}),
          occurredAt: notice.occurredAt.toISOString(),
        },
        ctx,
      ),
    );
    return citizenId;
  }
}

function parse(body: unknown): HospitalNotification {
  try {
    return parseHospitalNotification(body);
  } catch (error) {
    if (!(error instanceof InvalidHospitalNotification)) throw error;
    throw ProblemException.of(
      400,
      'invalid-hospital-notification',
      'Invalid HospitalNotification',
      error.message,
      {
        issues: error.issues.map((issue) => ({
          severity: 'error',
          code: issue.code,
          diagnostics: issue.diagnostics,
          expression: [issue.expression],
        })),
      },
    );
  }
}

function episodeNotFound(): DomainError {
  return new DomainError(
    'not-found',
    'medcom-episode-not-found',
    'No admission of this citizen is recorded for the episode of care the message names',
  );
}

function respond(
  notice: HospitalNotification,
  citizenId: string,
  admissionId: string,
): HospitalNotificationResponse {
  return { messageId: notice.messageId, medcomCode: notice.code, citizenId, admissionId };
}
