import { writersOf } from '@hf/access';
import { ForUnitTypes } from '../../http/authentication.guard';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { RegisterCitizenCommand } from './register-citizen.command';
import { CitizenIdResponse, RegisterCitizenDto } from './register-citizen.dto';

@ApiTags('citizens')
@ForUnitTypes(...writersOf('citizen', 'RegisterCitizen'))
@Controller('citizens')
export class RegisterCitizenController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Register a citizen, with or without a CPR number',
    description:
      'Many homeless citizens have no CPR number at hand: a name or alias is enough. The CPR number and name ' +
      "are stored only encrypted with a key of the citizen's own; a second registration with the same CPR " +
      'number is refused with 409 and the existing citizen id.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely' })
  @ApiCreatedResponse({ type: CitizenIdResponse })
  @ApiProblems(400, 409, 413, 415, 422)
  async register(
    @Body() dto: RegisterCitizenDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CitizenIdResponse> {
    const result = await this.commands.execute<RegisterCitizenCommand, { citizenId: string }>(
      new RegisterCitizenCommand(dto, ctx),
    );
    void reply.header('location', `/citizens/${result.citizenId}`);
    return result;
  }
}
