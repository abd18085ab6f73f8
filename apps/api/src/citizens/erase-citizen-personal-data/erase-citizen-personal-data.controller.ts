import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideResult } from '../../shared/decide/decide.command';
import { RecordedResponse } from '../recorded.response';
import { EraseCitizenPersonalDataCommand } from './erase-citizen-personal-data.command';
import { EraseCitizenPersonalDataDto } from './erase-citizen-personal-data.dto';

@ApiTags('citizens')
// Erasure is the social authority's decision (it answers GDPR requests for the municipality).
@ForUnitTypes('social-authority')
@Controller('citizens/:citizenId/erasure')
export class EraseCitizenPersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: "Erase the citizen's personal data (GDPR art. 17, crypto-shredding)",
    description:
      "Deletes the citizen's data key, so the CPR number, name, alias and birth date sealed with it are unreadable " +
      'everywhere at once, and the CPR look-up, so a search by the CPR number answers 404. Records ' +
      'CitizenPersonalDataErased (reason and legal basis, no personal data) in the same transaction. The record ' +
      'and its events stay for statistics and can still be read, without personal data (the summary says ' +
      'personalDataErased). Irreversible. Afterwards every write for the record is refused with 409 ' +
      '(citizen-erased), and a second erasure with 409 (personal-data-already-erased). Not covered: free text ' +
      'written into other events, backups, and the read audit log (which holds no personal data).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  erase(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: EraseCitizenPersonalDataDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<EraseCitizenPersonalDataCommand, DecideResult>(
      new EraseCitizenPersonalDataCommand(citizenId, dto, ctx),
    );
  }
}
