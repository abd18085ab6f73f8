import { writersOf } from '@hf/access';
import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordLinkExecutor } from '../record-link.executor';
import { LinkCitizenRecordsDto } from './link-citizen-records.dto';

@ApiTags('citizens')
@ForUnitTypes(...writersOf('record-links'))
@Controller('citizens/:citizenId/record-links')
export class LinkCitizenRecordsController {
  constructor(private readonly links: RecordLinkExecutor) {}

  @Post()
  @ApiOperation({
    summary: 'Link two records of the same person',
    description:
      'Reversible: both records keep their history and the timeline of either shows both. Nothing is merged.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: '{ recorded: ["CitizenRecordsLinked"] }' })
  @ApiProblems(400, 404, 409, 422)
  link(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: LinkCitizenRecordsDto,
    @Ctx() ctx: RequestContext,
  ) {
    return this.links.execute(
      (now) => ({
        type: 'LinkCitizenRecords',
        citizenId,
        linkedCitizenId: dto.linkedCitizenId,
        occurredAt: occurredAt(dto, now),
        method: dto.method ?? 'manual',
        reason: dto.reason,
      }),
      ctx,
    );
  }
}
