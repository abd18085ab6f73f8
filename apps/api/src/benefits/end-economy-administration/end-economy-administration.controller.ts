import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EndEconomyAdministration } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { BenefitsRecordedResponse } from '../benefits.responses';
import { EndEconomyAdministrationDto } from './end-economy-administration.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/economy-administrations/:agreementId/end')
export class EndEconomyAdministrationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record the end of a voluntary economy administration',
    description: 'The citizen may end it at any time. 404 for an unknown agreement, 409 when already ended.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: BenefitsRecordedResponse })
  @ApiProblems(400, 404, 409, 422)
  end(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('agreementId') agreementId: string,
    @Body() dto: EndEconomyAdministrationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitsRecordedResponse> {
    return this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'EndEconomyAdministration',
            citizenId,
            agreementId,
            occurredAt: occurredAt(dto, now),
            reason: dto.reason,
          }) satisfies EndEconomyAdministration,
        ctx,
      ),
    );
  }
}
