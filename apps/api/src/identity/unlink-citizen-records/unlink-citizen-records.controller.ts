import { writersOf } from '@hf/access';
import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordLinkExecutor } from '../record-link.executor';
import { UnlinkCitizenRecordsDto } from './unlink-citizen-records.dto';

@ApiTags('citizens')
@ForUnitTypes(...writersOf('record-links'))
@Controller('citizens/:citizenId/record-links/:linkedCitizenId/unlink')
export class UnlinkCitizenRecordsController {
  constructor(private readonly links: RecordLinkExecutor) {}

  @Post()
  @ApiOperation({ summary: 'Undo a link between two records that are not the same person' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: '{ recorded: ["CitizenRecordsUnlinked"] }' })
  @ApiProblems(400, 404, 409)
  unlink(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('linkedCitizenId') linkedCitizenId: string,
    @Body() dto: UnlinkCitizenRecordsDto,
    @Ctx() ctx: RequestContext,
  ) {
    return this.links.execute(
      (now) => ({
        type: 'UnlinkCitizenRecords',
        citizenId,
        linkedCitizenId,
        occurredAt: occurredAt(dto, now),
        reason: dto.reason,
      }),
      ctx,
    );
  }
}
