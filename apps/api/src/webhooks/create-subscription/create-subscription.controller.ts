import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SecretInResponse } from '../../http/idempotency.interceptor';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { CreatedSubscriptionResponse } from '../subscription.response';
import { CreateSubscriptionDto } from './create-subscription.dto';
import { CreateSubscriptionHandler } from './create-subscription.handler';

@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class CreateSubscriptionController {
  constructor(private readonly handler: CreateSubscriptionHandler) {}

  @Post()
  @SecretInResponse()
  @ApiOperation({
    summary: "Subscribe a receiver to your unit's notifications",
    description:
      'Alert lifecycle events addressed to your unit (and domain event types you name) are POSTed to the URL as ' +
      'CloudEvents, signed per Standard Webhooks with the returned `whsec_` secret, which is shown only in this ' +
      'response. Every delivery is judged by the access policy when it is sent. Idempotency-Key is refused here.',
  })
  @ApiCreatedResponse({ type: CreatedSubscriptionResponse })
  @ApiProblems(400)
  create(
    @Body() dto: CreateSubscriptionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedSubscriptionResponse> {
    return this.handler.execute(dto, ctx);
  }
}
