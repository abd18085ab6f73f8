import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestDocumentation } from '@hf/domain/benefits/benefits';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { DocumentationRequestIdResponse } from '../benefits.responses';
import { RequestDocumentationDto } from './request-documentation.dto';

@ApiTags('benefits')
@Controller('citizens/:citizenId/benefits/deposit-applications/:applicationId/documentation-requests')
export class RequestDocumentationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Request documentation for a deposit application',
    description: '404 for an unknown application; 409 once the application is decided.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: DocumentationRequestIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async request(
    @UuidParam('citizenId') citizenId: string,
    @UuidParam('applicationId') applicationId: string,
    @Body() dto: RequestDocumentationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentationRequestIdResponse> {
    const requestId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'benefits',
        citizenId,
        ({ now }) =>
          ({
            type: 'RequestDocumentation',
            citizenId,
            applicationId,
            requestId,
            occurredAt: occurredAt(dto, now),
            what: dto.what,
            dueDate: dto.dueDate,
          }) satisfies RequestDocumentation,
        ctx,
      ),
    );
    return { requestId, ...result };
  }
}
