import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignContact } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { AssignContactDto } from './assign-contact.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/contacts')
export class AssignContactController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Assign a contact in a role (caseworker, support worker, jobcentre caseworker, shelter contact, mentor)',
    description:
      'At most one contact per role: while the role is held, a new assignment is refused with 409 ' +
      '(contact-role-already-assigned, naming the holder). A handover is an unassign followed by an assign.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  assign(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: AssignContactDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'AssignContact',
            citizenId,
            occurredAt: occurredAt(dto, now),
            role: dto.role,
            contact: {
              staffId: dto.staffId,
              unitId: dto.unitId,
              ...(dto.channel ? { channel: { kind: dto.channel.kind, value: dto.channel.value } } : {}),
            },
          }) satisfies AssignContact,
        ctx,
      ),
    );
  }
}
