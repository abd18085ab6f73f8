import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionState, RecordPrisonRelease } from '@hf/domain/institution/institution';
import type { SupportState } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PrisonReleaseResponse } from '../institution.responses';
import { coursesToResume, resumeSupportCourses } from '../support-coordination';
import { RecordPrisonReleaseDto } from './record-prison-release.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/prison-stays/:stayId/release')
export class RecordPrisonReleaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a release from prison',
    description:
      'Only from an open prison stay (409 prison-stay-not-open). Then resumes every support course that this stay ' +
      'paused. Two appends, safe to retry with the same Idempotency-Key.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PrisonReleaseResponse })
  @ApiProblems(400, 404, 409, 422)
  async release(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: RecordPrisonReleaseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PrisonReleaseResponse> {
    const releaseId = ctx.newId();
    let toResume: string[] = [];
    let releasedAt = new Date(0);
    const release = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        async ({ now, stateOf }) => {
          const stay = (await stateOf<InstitutionState>('institution')).prisonStays[stayId];
          if (stay) {
            // On a retry the release may already be recorded: resume as of its recorded time.
            const replay = stay.releaseId === releaseId && stay.releasedAt !== null;
            releasedAt = replay ? new Date(stay.releasedAt as string) : occurredAt(dto, now);
            toResume = coursesToResume(await stateOf<SupportState>('support'), stayId, 'prison', releasedAt);
          }
          return {
            type: 'RecordPrisonRelease',
            citizenId,
            stayId,
            releaseId,
            occurredAt: occurredAt(dto, now),
          } satisfies RecordPrisonRelease;
        },
        ctx,
      ),
    );
    const resumed = await resumeSupportCourses(
      this.commands,
      citizenId,
      toResume,
      { institutionStayId: stayId, occurredAt: releasedAt },
      ctx,
    );
    return { recorded: [...release.recorded, ...resumed], releaseId, resumedSupportIds: toResume };
  }
}
