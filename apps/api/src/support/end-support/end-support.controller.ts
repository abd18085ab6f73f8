import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EndSupport } from '@hf/domain/support/support';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../support.responses';
import { EndSupportDto } from './end-support.dto';

@ApiTags('support (§85, §85a)')
@Controller('citizens/:citizenId/support/courses/:supportId/end')
export class EndSupportController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'End a support course (planned or unplanned)',
    description:
      'A course ends at most once (409 support-already-ended). Housing First: a CTI or ICM course ends as planned ' +
      'only with successor support (422 planned-end-requires-successor-support). Nothing in housing ends support: ' +
      'a lost tenancy or an admission never ends a course by itself; only this endpoint does.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  end(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('supportId') supportId: string,
    @Body() dto: EndSupportDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'support',
        citizenId,
        ({ now }) =>
          ({
            type: 'EndSupport',
            citizenId,
            supportId,
            occurredAt: occurredAt(dto, now),
            endKind: dto.endKind,
            reason: dto.reason,
            successorSupport: dto.successorSupport,
            ...(dto.successorSupportId !== undefined ? { successorSupportId: dto.successorSupportId } : {}),
          }) satisfies EndSupport,
        ctx,
      ),
    );
  }
}
