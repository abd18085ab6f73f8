import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GiveConsent } from '@hf/domain';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { DecideCommand, DecideResult } from '../../shared/decide/decide.command';
import { occurredAt } from '../../shared/decide/fact.dto';
import { ConsentIdResponse, GiveConsentDto } from './give-consent.dto';

@ApiTags('citizens')
@Controller('citizens/:citizenId/consents')
export class GiveConsentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a consent (samtykke, forvaltningsloven §28)',
    description:
      'Names the purpose, the recipients (units and/or unit types), the categories of information, the consent ' +
      'text and how it was given. It applies to reads and deliveries until it expires or is withdrawn.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ConsentIdResponse })
  @ApiProblems(400, 404, 409, 422)
  async give(
    @UuidParam('citizenId') citizenId: string,
    @Body() dto: GiveConsentDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentIdResponse> {
    const consentId = ctx.newId();
    const result = await this.commands.execute<DecideCommand, DecideResult>(
      new DecideCommand(
        'citizen',
        citizenId,
        ({ now }) =>
          ({
            type: 'GiveConsent',
            citizenId,
            occurredAt: occurredAt(dto, now),
            consentId,
            purpose: dto.purpose,
            recipientUnitIds: dto.recipientUnitIds ?? [],
            recipientUnitTypes: dto.recipientUnitTypes ?? [],
            categories: dto.categories,
            legalTextRef: dto.legalTextRef,
            givenVia: dto.givenVia,
            ...(dto.expiresAt !== undefined ? { expiresAt: new Date(dto.expiresAt) } : {}),
          }) satisfies GiveConsent,
        ctx,
      ),
    );
    void reply.header('location', `/citizens/${citizenId}/consents/${consentId}`);
    return { ...result, consentId };
  }
}
