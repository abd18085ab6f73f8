import { Inject, Injectable } from '@nestjs/common';
import { isDomainEventType } from '@hf/domain';
import { APP_CONFIG, AppConfig, PG_POOL } from '@hf/platform';
import { generateSecret, sealSecret, type StoredSecret } from '@hf/projections/notifications';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../http/problem';
import type { RequestContext } from '../../http/request-context';
import { CLOCK, Clock } from '../../shared/clock';
import {
  CreatedSubscriptionResponse,
  SubscriptionRow,
  toSubscriptionResponse,
} from '../subscription.response';
import { webhookUrlProblem } from '../webhook-url';
import { CreateSubscriptionDto } from './create-subscription.dto';

/** Registers a receiver for the caller's own unit; nothing is stored unless every field is acceptable. */
@Injectable()
export class CreateSubscriptionHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(dto: CreateSubscriptionDto, ctx: RequestContext): Promise<CreatedSubscriptionResponse> {
    const errors: { pointer: string; detail: string }[] = [];
    const urlProblem = webhookUrlProblem(dto.url, this.config.webhooks.allowLocalHttp);
    if (urlProblem) errors.push({ pointer: '#/url', detail: urlProblem });
    (dto.eventTypes ?? []).forEach((type, i) => {
      if (!isDomainEventType(type) || type.startsWith('Alert'))
        errors.push({
          pointer: `#/eventTypes/${i}`,
          detail: 'not a domain event type (alerts: use alertRules)',
        });
    });
    if (errors.length > 0)
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '),
        { errors },
      );
    const id = uuidv7();
    const secret = generateSecret();
    const secrets: StoredSecret[] = [
      { sealed: sealSecret(this.config.masterKey, secret, id), validUntil: null },
    ];
    const { rows } = await this.pool.query<SubscriptionRow>(
      `INSERT INTO webhook_subscriptions (subscription_id, unit_id, unit_type, municipality, url, alert_rules,
         event_types, purpose, secrets, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        id,
        ctx.principal.unit,
        ctx.principal.unitType,
        ctx.principal.municipality,
        dto.url,
        dto.alertRules ? [...new Set(dto.alertRules)] : null,
        [...new Set(dto.eventTypes ?? [])],
        dto.purpose ?? 'case-work',
        JSON.stringify(secrets),
        ctx.principal.id,
        this.clock.now(),
      ],
    );
    return { ...toSubscriptionResponse(rows[0]), secret };
  }
}
