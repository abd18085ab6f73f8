import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcknowledgeAlert } from '@hf/domain/alerts';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { occurredAt } from '../../shared/decide/fact.dto';
import { actingUnit } from '../acting-unit';
import { AlertRecordedResponse } from '../alert.response';
import { DecideAlertCommand } from '../decide-alert/decide-alert.command';
import { AcknowledgeAlertDto } from './acknowledge-alert.dto';

@ApiTags('alerts')
@Controller('alerts/:alertId/acknowledge')
export class AcknowledgeAlertController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Acknowledge an alert',
    description:
      'A recipient unit confirms it has seen the alert and acts on it. This stops escalation steps that wait for an ' +
      'acknowledgement (e.g. A1 unacknowledged after 4 hours); deadline steps still fire while the alert is unresolved. ' +
      'Each unit acknowledges once (409 alert-already-acknowledged); a named unit must be a recipient (422 not-a-recipient); ' +
      'a resolved or expired alert cannot be acknowledged (409 alert-closed).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AlertRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  acknowledge(
    @UuidParam('alertId') alertId: string,
    @Body() dto: AcknowledgeAlertDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AlertRecordedResponse> {
    return this.commands.execute(
      new DecideAlertCommand(
        alertId,
        (now) =>
          ({
            type: 'AcknowledgeAlert',
            alertId,
            occurredAt: occurredAt(dto, now),
            by: actingUnit(dto, ctx),
            via: 'inbox',
          }) satisfies AcknowledgeAlert,
        ctx,
      ),
    );
  }
}
