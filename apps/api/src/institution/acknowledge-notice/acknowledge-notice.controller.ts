import { ownUnit } from '../../http/own-unit';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcknowledgeNotice } from '@hf/domain/institution/institution';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { InstitutionRecordedResponse } from '../institution.responses';
import { AcknowledgeNoticeDto } from './acknowledge-notice.dto';

@ApiTags('institution transitions')
@Controller('citizens/:citizenId/institution/notices/:noticeId/acknowledge')
export class AcknowledgeNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Acknowledge a hospital or prison notice on behalf of a unit',
    description:
      'The notice id is the admission id or the prison stay id. Each unit acknowledges a notice once (409 notice-already-acknowledged). A hospital acknowledgement is health data, a prison one justice data.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: InstitutionRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  acknowledge(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('noticeId') noticeId: string,
    @Body() dto: AcknowledgeNoticeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstitutionRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'institution',
        citizenId,
        ({ now }) =>
          ({
            type: 'AcknowledgeNotice',
            citizenId,
            noticeId,
            occurredAt: occurredAt(dto, now),
            acknowledgingUnitId: ownUnit(dto.acknowledgingUnitId, ctx),
          }) satisfies AcknowledgeNotice,
        ctx,
      ),
    );
  }
}
