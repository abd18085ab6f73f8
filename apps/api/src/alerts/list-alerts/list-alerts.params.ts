import { ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_RULE_IDS, UNIT_TYPES, type AlertRuleId, type UnitType } from '@hf/domain/alerts';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import {
  INBOX_SORTS,
  INBOX_STATUS_FILTERS,
  type InboxSort,
  type InboxStatusFilter,
} from '@hf/projections/alerts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';

export const ALERTS_DEFAULT_LIMIT = 50;
export const ALERTS_MAX_LIMIT = 200;

/**
 * Inbox filters. Until authentication exists the recipient unit is chosen by these parameters; the access policy
 * will bind them to the caller's unit (a social authority sees its own municipality's alerts, a support team its
 * own), and then also filter by the alerts' categories.
 */
export class ListAlertsParams {
  @ApiPropertyOptional({
    enum: UNIT_TYPES,
    description: 'Alerts addressed to this unit type',
    example: 'social-authority',
  })
  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @ApiPropertyOptional({
    description: 'Alerts addressed to a unit of this municipality (kommunekode)',
    example: '101',
  })
  @IsOptional()
  @IsMunicipalityCode()
  municipality?: string;

  @ApiPropertyOptional({ description: 'Alerts addressed to this unit', example: 'unit-cti-team-kobenhavn' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, { message: 'unitId must be a lower-case unit id' })
  unitId?: string;

  @ApiPropertyOptional({
    enum: INBOX_STATUS_FILTERS,
    default: 'active',
    description: 'active = open, acknowledged or escalated; closed = resolved or expired',
    example: 'open',
  })
  @IsOptional()
  @IsIn(INBOX_STATUS_FILTERS)
  status?: InboxStatusFilter;

  @ApiPropertyOptional({ enum: ALERT_RULE_IDS, example: 'A1' })
  @IsOptional()
  @IsIn(ALERT_RULE_IDS)
  ruleId?: AlertRuleId;

  @ApiPropertyOptional({ description: 'Only this citizen', example: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a' })
  @IsOptional()
  @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    default: 'urgency',
    description: 'urgency: most severe first, then the earliest due; newest: the latest raised first',
    example: 'urgency',
  })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort?: InboxSort;

  @ApiPropertyOptional({
    description: `Page size (1-${ALERTS_MAX_LIMIT})`,
    default: ALERTS_DEFAULT_LIMIT,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ALERTS_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page (same sort)',
    example: 'eyJzIjoidXJnZW5jeSJ9',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
