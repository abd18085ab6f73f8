import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdjustSupportIntensity } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { AdjustSupportIntensityDto } from './adjust-support-intensity.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/intensity')
export class AdjustSupportIntensityController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Adjust the intensity of a support course',
    description: 'Refused with 409 when the course has ended.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  adjust(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: AdjustSupportIntensityDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'AdjustSupportIntensity',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
            level: dto.level,
            ...(dto.plannedContactsPerWeek !== undefined
              ? { plannedContactsPerWeek: dto.plannedContactsPerWeek }
              : {}),
          }) satisfies AdjustSupportIntensity,
        ctx,
      ),
    );
  }
}
