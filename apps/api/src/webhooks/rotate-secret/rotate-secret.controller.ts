import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, PG_POOL } from '@hf/platform';
import { generateSecret, sealSecret, secretsValidAt, type StoredSecret } from '@hf/projections/notifications';
import type { Pool } from 'pg';
import { SecretInResponse } from '../../http/idempotency.interceptor';
import { ApiProblems } from '../../http/openapi';
import { Ctx, RequestContext } from '../../http/request-context';
import { UuidParam } from '../../http/validators';
import { CLOCK, Clock } from '../../shared/clock';
import { ownSubscription } from '../own-subscription';
import { RotateSecretDto } from './rotate-secret.dto';

export class RotatedSecretResponse {
  @ApiProperty({
    description: 'The new secret, shown only now',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
  @ApiProperty({
    description: 'Until then the previous secret also signs',
    example: '2026-03-03T10:00:00.000Z',
  })
  previousValidUntil!: string;
}

@ApiTags('webhooks')
@Controller('webhook-subscriptions/:subscriptionId/rotate-secret')
export class RotateSecretController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @SecretInResponse()
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Returns a new secret. For the grace period (24 h) every delivery carries two signatures, one per secret ' +
      '(space-separated, as Standard Webhooks allows), so the receiver can switch without losing a delivery.',
  })
  @ApiCreatedResponse({ type: RotatedSecretResponse })
  @ApiProblems(400, 404)
  async rotate(
    @UuidParam('subscriptionId') id: string,
    @Body() dto: RotateSecretDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RotatedSecretResponse> {
    const subscription = await ownSubscription(this.pool, id, ctx);
    const now = this.clock.now();
    const until = new Date(
      now.getTime() + (dto.graceHours ?? this.config.webhooks.secretRotationGraceHours) * 3_600_000,
    ).toISOString();
    const secret = generateSecret();
    const kept = secretsValidAt(subscription.secrets as StoredSecret[], now).map((s) => ({
      sealed: s.sealed,
      validUntil: s.validUntil === null || s.validUntil > until ? until : s.validUntil,
    }));
    const secrets: StoredSecret[] = [
      { sealed: sealSecret(this.config.masterKey, secret, id), validUntil: null },
      ...kept,
    ];
    await this.pool.query('UPDATE webhook_subscriptions SET secrets = $2 WHERE subscription_id = $1', [
      id,
      JSON.stringify(secrets),
    ]);
    return { secret, previousValidUntil: until };
  }
}
