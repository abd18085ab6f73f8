import { writersOf } from '@hf/access';
import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi';
import { UuidParam } from '../../http/validators';
import { Ctx, RequestContext } from '../../http/request-context';
import { StayIdResponse } from '../record-shelter-admission/record-shelter-admission.dto';
import { RecordShelterDischargeCommand } from './record-shelter-discharge.command';
import { RecordShelterDischargeDto } from './record-shelter-discharge.dto';

@ApiTags('shelter stays (§110)')
@ForUnitTypes(...writersOf('shelter-stay'))
@Controller('citizens/:citizenId/shelter-stays/:stayId/discharge')
export class RecordShelterDischargeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record the discharge from a §110 shelter stay' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StayIdResponse })
  @ApiProblems(400, 404, 409, 422)
  discharge(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('stayId') stayId: string,
    @Body() dto: RecordShelterDischargeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<StayIdResponse> {
    return this.commands.execute(new RecordShelterDischargeCommand(citizenId, stayId, dto, ctx));
  }
}
