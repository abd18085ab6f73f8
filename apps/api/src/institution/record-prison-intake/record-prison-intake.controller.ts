import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InstitutionState, RecordPrisonIntake } from '@hf/domain/institution/institution';
import type { SupportState } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { PrisonIntakeResponse } from '../institution.responses';
import { coursesToPause, pauseSupportCourses } from '../support-coordination';
import { RecordPrisonIntakeDto } from './record-prison-intake.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/prison-stays')
export class RecordPrisonIntakeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a prison intake (retsplejeloven §115)',
    description:
      'One open prison stay at a time (409 prison-stay-already-open). Housing First: every active support course ' +
      'is then PAUSED (reason prison), never ended; the release resumes it. Two appends, safe to retry with the ' +
      'same Idempotency-Key.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PrisonIntakeResponse })
  @ApiProblems(400, 404, 409, 422)
  async intake(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordPrisonIntakeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PrisonIntakeResponse> {
    const stayId = ctx.newId();
    let toPause: string[] = [];
    let intakeAt = new Date(0);
    const intake = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        async ({ now, stateOf }) => {
          const institution = await stateOf<InstitutionState>('institution');
          // On a retry the intake may already be recorded: pause as of its recorded time.
          const earlier = institution.prisonStays[stayId];
          intakeAt = earlier ? new Date(earlier.intakeAt) : occurredAt(dto, now);
          toPause = coursesToPause(await stateOf<SupportState>('support'), intakeAt);
          return {
            type: 'RecordPrisonIntake',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
            institutionName: dto.institutionName,
          } satisfies RecordPrisonIntake;
        },
        ctx,
      ),
    );
    const paused = await pauseSupportCourses(
      this.commands,
      citizenId,
      toPause,
      { reason: 'prison', institutionStayId: stayId, occurredAt: intakeAt },
      ctx,
    );
    return { recorded: [...intake.recorded, ...paused], stayId, pausedSupportIds: toPause };
  }
}
