import { Body, Controller, Param, PipeTransform, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CONTACT_ROLES, ContactRole, type UnassignContact } from '@hf/domain';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { RecordedResponse } from '../recorded.response';
import { UnassignContactDto } from './unassign-contact.dto';

/** The role path parameter; anything else is a 400 problem naming the parameter. */
class ContactRolePipe implements PipeTransform<string, ContactRole> {
  transform(value: string): ContactRole {
    if ((CONTACT_ROLES as readonly string[]).includes(value)) return value as ContactRole;
    throw ProblemException.of(
      400,
      'validation-failed',
      'The request is not valid',
      `path parameter role must be one of ${CONTACT_ROLES.join(', ')}`,
      { errors: [{ pointer: '#/path/role', detail: `must be one of ${CONTACT_ROLES.join(', ')}` }] },
    );
  }
}

@ApiTags('citizens')
@Controller('citizens/:citizenId/contacts/:role/unassign')
export class UnassignContactController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Unassign the contact in a role',
    description: 'Refused with 409 (contact-not-assigned) when nobody holds the role.',
  })
  @ApiParam({ name: 'role', enum: CONTACT_ROLES, example: 'support-worker' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  unassign(
    @UuidParam('citizenId') citizenId: string,
    @Param('role', new ContactRolePipe()) role: ContactRole,
    @Body() dto: UnassignContactDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'UnassignContact',
            citizenId,
            occurredAt: occurredAt(dto, now),
            role,
          }) satisfies UnassignContact,
        ctx,
      ),
    );
  }
}
