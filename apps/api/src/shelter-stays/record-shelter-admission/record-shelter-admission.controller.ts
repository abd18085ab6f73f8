import { writersOf } from '@hf/access';
import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../http/openapi';
import { UuidParam } from '../../http/validators';
import { Ctx, RequestContext } from '../../http/request-context';
import { RecordShelterAdmissionCommand } from './record-shelter-admission.command';
import { RecordShelterAdmissionDto, StayIdResponse } from './record-shelter-admission.dto';

@ApiTags('shelter stays (§110)')
@ForUnitTypes(...writersOf('shelter-stay'))
@Controller('citizens/:citizenId/shelter-stays')
export class RecordShelterAdmissionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a §110 shelter admission',
    description: 'Refused with 409 (shelter-stay-already-open) while the citizen has an open stay.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StayIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async admit(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: RecordShelterAdmissionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StayIdResponse> {
    const result = await this.commands.execute<RecordShelterAdmissionCommand, { stayId: string }>(
      new RecordShelterAdmissionCommand(citizenId, dto, ctx),
    );
    void reply.header('location', `/citizens/${citizenId}/shelter-stays/${result.stayId}`);
    return result;
  }
}
