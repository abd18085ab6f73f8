import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ResolveAlert } from '@hf/domain/alerts';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { occurredAt } from '../../shared/decide/fact.dto';
import { AlertRecordedResponse } from '../alert.response';
import { DecideAlertCommand } from '../decide-alert/decide-alert.command';
import { ResolveAlertDto } from './resolve-alert.dto';

@ApiTags('alerts')
@Controller('alerts/:alertId/resolve')
export class ResolveAlertController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Resolve an alert by hand',
    description:
      'Closes an alert with a reason code. Most alerts resolve themselves when the fact they wait for is recorded ' +
      '(the deposit is decided, the handlekommune notified, a permanent home moved into); this is for the rest. ' +
      'A resolved or expired alert cannot be resolved again (409 alert-closed).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AlertRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  resolve(
    @UuidParam('alertId') alertId: string,
    @Body() dto: ResolveAlertDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AlertRecordedResponse> {
    return this.commands.execute(
      new DecideAlertCommand(
        alertId,
        (now) =>
          ({
            type: 'ResolveAlert',
            alertId,
            occurredAt: occurredAt(dto, now),
            by: 'manual',
            reason: dto.reason,
            ...(dto.unitType || dto.unitId
              ? { resolvedBy: { unitType: dto.unitType ?? null, unitId: dto.unitId ?? null } }
              : {}),
          }) satisfies ResolveAlert,
        ctx,
      ),
    );
  }
}
