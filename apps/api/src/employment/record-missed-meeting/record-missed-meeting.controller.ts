import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordMissedMeeting } from '@hf/domain/employment/employment';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EmploymentRecordedResponse } from '../employment.responses';
import { RecordMissedMeetingDto } from './record-missed-meeting.dto';

@ApiTags('employment')
@Controller('citizens/:citizenId/employment/missed-meetings')
export class RecordMissedMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a missed jobcentre meeting',
    description: '422 when the meeting date lies after the day it is reported.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EmploymentRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  record(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordMissedMeetingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EmploymentRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'employment',
        citizenId,
        ({ now }) =>
          ({
            type: 'RecordMissedMeeting',
            citizenId,
            occurredAt: occurredAt(dto, now),
            meetingDate: dto.meetingDate,
            meetingKind: dto.meetingKind ?? 'job-interview',
          }) satisfies RecordMissedMeeting,
        ctx,
      ),
    );
  }
}
