import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchedulePrisonRelease } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { SchedulePrisonReleaseDto } from './schedule-prison-release.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/prison-stays/:stayId/release-scheduled')
export class SchedulePrisonReleaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a scheduled prison release (usually decided about 4 weeks ahead)',
    description:
      'A later schedule replaces the earlier one. Refused with 409 when the stay has ended and with 422 for a date before the intake.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  schedule(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: SchedulePrisonReleaseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'SchedulePrisonRelease',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
            expectedReleaseDate: dto.expectedReleaseDate,
            housingStatus: dto.housingStatus ?? 'unknown',
          }) satisfies SchedulePrisonRelease,
        ctx,
      ),
    );
  }
}
