import { ApiProperty } from '@nestjs/swagger';

export interface SubscriptionRow {
  subscription_id: string;
  unit_id: string;
  url: string;
  alert_rules: string[] | null;
  event_types: string[];
  purpose: string;
  status: string;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
}

export class SubscriptionResponse {
  @ApiProperty({ example: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a' }) subscriptionId!: string;
  @ApiProperty({ example: 'https://hooks.forsorgshjem.dk/housing-first' }) url!: string;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Alert rules sent; null = all rules',
    example: ['A1', 'A2'],
  })
  alertRules!: string[] | null;
  @ApiProperty({ type: [String], example: ['DischargePlanned'] }) eventTypes!: string[];
  @ApiProperty({ example: 'housing-first-coordination' }) purpose!: string;
  @ApiProperty({ enum: ['active', 'disabled'], example: 'active' }) status!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) disabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) disabledReason!: string | null;
}

export class CreatedSubscriptionResponse extends SubscriptionResponse {
  @ApiProperty({
    description: 'The signing secret (Standard Webhooks). Shown only now: store it at the receiver.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
}

export function toSubscriptionResponse(row: SubscriptionRow): SubscriptionResponse {
  return {
    subscriptionId: row.subscription_id,
    url: row.url,
    alertRules: row.alert_rules,
    eventTypes: row.event_types,
    purpose: row.purpose,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    disabledReason: row.disabled_reason,
  };
}
