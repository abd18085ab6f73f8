import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AdvanceCtiPhase } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { AdvanceCtiPhaseDto } from './advance-cti-phase.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/cti-phase')
export class AdvanceCtiPhaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Advance a CTI course to its next phase',
    description:
      'Phases in order: contact (from the start) → phase-1 → phase-2 → phase-3; the 9 months run from phase 1. Refused with 422 for other methods (cti-phase-only-for-cti) and for a skipped phase (cti-phase-skipped), with 409 for a repeated phase (cti-phase-not-forward).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  advance(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: AdvanceCtiPhaseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'AdvanceCtiPhase',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
            phase: dto.phase,
          }) satisfies AdvanceCtiPhase,
        ctx,
      ),
    );
  }
}
