import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AgreeEconomyAdministration } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { EconomyAdministrationIdResponse } from '../benefits.responses';
import { AgreeEconomyAdministrationDto } from './agree-economy-administration.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/economy-administrations')
export class AgreeEconomyAdministrationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a voluntary economy administration agreed with the citizen',
    description: 'At most one is active at a time (409 economy-administration-already-active).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EconomyAdministrationIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async agree(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: AgreeEconomyAdministrationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EconomyAdministrationIdResponse> {
    const agreementId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'AgreeEconomyAdministration',
            citizenId,
            agreementId,
            occurredAt: occurredAt(dto, now),
            scope: dto.scope,
            reviewDate: dto.reviewDate,
          }) satisfies AgreeEconomyAdministration,
        ctx,
      ),
    );
    return { agreementId, ...result };
  }
}
