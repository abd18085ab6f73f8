import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_RULE_IDS, ALERT_SEVERITIES, ALERT_STATUSES, UNIT_TYPES } from '@hf/domain/alerts';

export class AlertContactResponse {
  @ApiProperty({ example: 'support-worker' }) role!: string;
  @ApiProperty({ example: 'staff-sw-3', description: 'Opaque staff id, never a name' }) staffId!: string;
  @ApiPropertyOptional({ example: { kind: 'work-phone', value: '+45 33 66 33 66' } })
  channel?: { kind: string; value: string };
}

export class AlertRecipientResponse {
  @ApiProperty({ enum: UNIT_TYPES, example: 'social-authority' }) unitType!: string;
  @ApiPropertyOptional({ example: '101', description: 'Kommunekode' }) municipality?: string;
  @ApiPropertyOptional({ example: 'unit-cti-team-kobenhavn' }) unitId?: string;
  @ApiPropertyOptional({ type: AlertContactResponse }) contact?: AlertContactResponse;
}

export class AlertContactChannelResponse {
  @ApiProperty({
    example: 'support-worker',
    description: 'support-worker, shelter-contact, mentor or shelter',
  })
  role!: string;
  @ApiProperty({ example: 'unit-cti-team-kobenhavn' }) unitId!: string;
  @ApiPropertyOptional({ example: 'staff-sw-3' }) staffId?: string;
  @ApiPropertyOptional({ example: { kind: 'work-phone', value: '+45 33 66 33 66' } })
  channel?: { kind: string; value: string };
}

export class AlertReasonResponse {
  @ApiProperty({ example: 'discharge-short-notice-no-home' }) code!: string;
  @ApiProperty({
    example:
      'Psychiatric discharge planned for 2026-03-03 (notice 21 h ahead) with no home; no permanent home is recorded.',
  })
  text!: string;
  @ApiProperty({ type: [String], description: 'The facts behind the alert, by event id' })
  factEventIds!: string[];
}

export class AlertAcknowledgementResponse {
  @ApiProperty({ enum: UNIT_TYPES, nullable: true, example: 'social-authority' }) unitType!: string | null;
  @ApiProperty({ nullable: true, example: 'unit-myndighed-kobenhavn' }) unitId!: string | null;
  @ApiProperty({ enum: ['inbox', 'fact-arrived'], example: 'inbox' }) via!: string;
  @ApiProperty({ example: '2026-03-02T10:30:00.000Z' }) at!: string;
}

export class AlertResolutionResponse {
  @ApiProperty({ enum: ['fact-arrived', 'manual', 'expiry'], example: 'fact-arrived' }) by!: string;
  @ApiPropertyOptional({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f' }) resolvingEventId?: string;
  @ApiPropertyOptional({ example: 'MovedIn' }) resolvingEventType?: string;
  @ApiPropertyOptional({ example: 'handled' }) reason?: string;
}

export class AlertResponse {
  @ApiProperty({ example: '5f0c4a52-6d1e-5b8f-9a3c-2e7d1f0b4c6a' }) alertId!: string;
  @ApiProperty({ example: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ enum: ALERT_RULE_IDS, example: 'A1' }) ruleId!: string;
  @ApiProperty({ example: 'discharge into homelessness' }) title!: string;
  @ApiProperty({ example: 'health', description: 'Visibility category of the facts behind the alert' })
  category!: string;
  @ApiProperty({
    example: 'adm-…',
    description: 'What the alert is about (an admission, a stay, an application…)',
  })
  subjectId!: string;
  @ApiProperty({ enum: ALERT_STATUSES, example: 'open' }) status!: string;
  @ApiProperty({ enum: ALERT_SEVERITIES, example: 'high' }) severity!: string;
  @ApiProperty({ example: '2026-03-03T07:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:01.000Z' }) raisedAt!: string;
  @ApiProperty({ nullable: true, example: '2026-03-17T23:00:00.000Z' }) expiresAt!: string | null;
  @ApiProperty({ type: [AlertRecipientResponse] }) recipients!: AlertRecipientResponse[];
  @ApiProperty({ type: AlertReasonResponse }) reason!: AlertReasonResponse;
  @ApiProperty({ type: [AlertContactChannelResponse], description: 'Who can reach the citizen (A4)' })
  contactChannels!: AlertContactChannelResponse[];
  @ApiProperty({ example: 0 }) escalations!: number;
  @ApiProperty({ type: [AlertAcknowledgementResponse] }) acknowledgements!: AlertAcknowledgementResponse[];
  @ApiProperty({ type: AlertResolutionResponse, nullable: true }) resolution!: AlertResolutionResponse | null;
  @ApiProperty({ nullable: true, example: null }) closedAt!: string | null;
  @ApiProperty({ example: '2026-03-02T10:00:01.000Z' }) updatedAt!: string;
}

export class AlertsPageResponse {
  @ApiProperty({ type: [AlertResponse] }) alerts!: AlertResponse[];
  @ApiProperty({
    nullable: true,
    example: null,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class AlertRecordedResponse {
  @ApiProperty({ type: [String], example: ['AlertAcknowledged'] }) recorded!: string[];
}
