import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IssueSanctionWarning } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { SanctionWarningIdResponse } from '../employment.responses';
import { IssueSanctionWarningDto } from './issue-sanction-warning.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/sanction-warnings')
export class IssueSanctionWarningController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Issue a sanction warning (partshøring)',
    description:
      'For an activity-ready citizen the warning starts the extended hearing. 422 when the citizen is exempt, the category is unknown or differs from the recorded one, or the hearing deadline lies before the warning.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SanctionWarningIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async issue(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: IssueSanctionWarningDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SanctionWarningIdResponse> {
    const warningId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'IssueSanctionWarning',
            citizenId,
            warningId,
            occurredAt: occurredAt(dto, now),
            ground: dto.ground,
            readiness: dto.readiness,
            hearingDeadline: dto.hearingDeadline,
          }) satisfies IssueSanctionWarning,
        ctx,
      ),
    );
    return { warningId, ...result };
  }
}
