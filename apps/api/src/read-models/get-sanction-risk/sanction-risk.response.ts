import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SANCTION_RISK_LEVELS,
  SANCTION_RISK_REASON_CODES,
  SANCTION_RISK_RULES,
} from '@hf/projections/sanction-risk/sanction-risk';
import { StaffChannelResponse } from '../get-citizen-summary/citizen-summary.response';

export class SanctionRiskReasonResponse {
  @ApiProperty({ enum: SANCTION_RISK_REASON_CODES, example: 'rehoused' }) code!: string;
  @ApiProperty({ enum: ['high', 'elevated'], example: 'high' }) level!: string;
  @ApiProperty({ example: 'Moved into a permanent home 2 months ago' }) description!: string;
  @ApiPropertyOptional({ description: 'rehoused: whole months since the move-in', example: 2 })
  monthsAgo?: number;
  @ApiPropertyOptional({ description: 'rehoused: date of the move-in', example: '2026-01-02' })
  movedInOn?: string;
  @ApiPropertyOptional({ description: 'hf-support-active: the method', example: 'cti' }) method?: string;
  @ApiPropertyOptional({ description: 'hf-support-active: the statute', example: 'serviceloven §85a' })
  legalBasis?: string;
  @ApiPropertyOptional({
    description: 'hf-support-active: paused (admission or prison), not ended',
    example: false,
  })
  paused?: boolean;
}

export class HearingContactResponse {
  @ApiProperty({
    enum: SANCTION_RISK_RULES.hearingContactRoles,
    description: 'Support worker, else shelter contact, else authority caseworker',
    example: 'support-worker',
  })
  role!: string;
  @ApiProperty({ description: 'Opaque staff id, never a name', example: 'kk-sof-az48213' }) staffId!: string;
  @ApiProperty({ example: 'kk-cti-team-nordvest' }) unitId!: string;
  @ApiProperty({ type: StaffChannelResponse, nullable: true }) channel!: StaffChannelResponse | null;
}

export class SanctionRiskResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) checkedAt!: string;
  @ApiProperty({
    enum: SANCTION_RISK_LEVELS,
    description:
      'high: rehoused within 12 months, §85/§85a support running or in a §110 shelter; elevated: only a ' +
      'hospital admission or prison stay within 90 days; none: nothing known',
    example: 'high',
  })
  level!: string;
  @ApiProperty({
    type: [SanctionRiskReasonResponse],
    description: 'Derived facts only, never the underlying events',
  })
  reasons!: SanctionRiskReasonResponse[];
  @ApiProperty({
    type: HearingContactResponse,
    nullable: true,
    description: 'Whom to reach for the extended hearing; null when the citizen has no such contact',
  })
  hearingContact!: HearingContactResponse | null;
}
