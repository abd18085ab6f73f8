import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestAllocation } from '@hf/domain/housing/housing';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { AllocationRequestedResponse } from '../housing.responses';
import { RequestAllocationDto } from './request-allocation.dto';

@ApiTags('housing')
@Controller('citizens/:citizenId/housing/allocation-requests')
export class RequestAllocationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a request for municipal housing allocation (boliganvisning, almenboligloven §59)',
    description:
      'The municipality may claim up to every fourth vacant almen family dwelling for citizens in need. The ' +
      'returned allocationRequestId can be named on the offer that answers it.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AllocationRequestedResponse })
  @ApiProblems(400, 404, 409, 422)
  async request(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RequestAllocationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<AllocationRequestedResponse> {
    const allocationRequestId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'housing',
        citizenId,
        ({ now }) =>
          ({
            type: 'RequestAllocation',
            citizenId,
            occurredAt: occurredAt(dto, now),
            allocationRequestId,
            municipality: dto.municipality,
            housingType: dto.housingType,
          }) satisfies RequestAllocation,
        ctx,
      ),
    );
    return { allocationRequestId, ...result };
  }
}
