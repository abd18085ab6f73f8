import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DecideMunicipalDischarge } from '@hf/domain';
import { RecordedResponse } from '../../citizens/recorded.response';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { DecideMunicipalDischargeDto } from './decide-municipal-discharge.dto';

@ApiTags('shelter stays (§110)')
@Controller('citizens/:citizenId/shelter-stays/:stayId/municipal-discharge-decision')
export class DecideMunicipalDischargeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record the municipality’s decision that a §110 stay ends (§110 stk. 5)',
    description:
      'Allowed only when ALL five conditions hold: a §141/§142 plan, a home or §107/§108 place, support decided, ' +
      'a signed lease and move-in possible. Otherwise 422 (section-110-discharge-conditions-not-met) with ' +
      '`missing` listing the conditions that do not hold. The caseworker attests the conditions for now.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  decide(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: DecideMunicipalDischargeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'shelter-stay',
        citizenId,
        // Attested in the request today; later derived from the plan, housing and support processes.
        ({ now }) =>
          ({
            type: 'DecideMunicipalDischarge',
            citizenId,
            stayId,
            occurredAt: occurredAt(dto, now),
            conditions: {
              actionPlan: dto.conditions.actionPlan,
              homeOrPlace: dto.conditions.homeOrPlace,
              supportDecided: dto.conditions.supportDecided,
              leaseSigned: dto.conditions.leaseSigned,
              moveInPossible: dto.conditions.moveInPossible,
            },
          }) satisfies DecideMunicipalDischarge,
        ctx,
      ),
    );
  }
}
