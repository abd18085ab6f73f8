import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_RULE_IDS, type AlertRuleId } from '@hf/domain/alerts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateSubscriptionDto {
  @ApiProperty({
    description:
      'The receiver: https only (http://localhost and http://127.0.0.1 outside production); no private-network hosts',
    example: 'https://hooks.forsorgshjem.dk/housing-first',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    description:
      'Alert rules whose lifecycle events are sent (when addressed to your unit); omitted = all, [] = none',
    example: ['A1', 'A2'],
    enum: ALERT_RULE_IDS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ALERT_RULE_IDS.length)
  @IsIn(ALERT_RULE_IDS, { each: true })
  alertRules?: AlertRuleId[];

  @ApiPropertyOptional({
    description:
      'Domain event types also sent, for citizens your unit may see them of (judged when each is delivered)',
    example: ['DischargePlanned'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Z][A-Za-z0-9]{1,80}$/, { each: true, message: 'each event type must be an event type name' })
  eventTypes?: string[];

  @ApiPropertyOptional({
    description: 'The purpose deliveries are read for (consents are bound to a purpose); default case-work',
    example: 'housing-first-coordination',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'purpose must be a short code such as case-work' })
  purpose?: string;
}
