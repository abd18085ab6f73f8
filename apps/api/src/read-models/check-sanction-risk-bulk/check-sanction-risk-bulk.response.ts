import { ApiProperty } from '@nestjs/swagger';
import { SANCTION_RISK_LEVELS } from '@hf/projections/sanction-risk/sanction-risk';
import {
  HearingContactResponse,
  SanctionRiskReasonResponse,
} from '../get-sanction-risk/sanction-risk.response';

export class SanctionRiskBulkItemResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({
    description: 'false: no citizen is registered with this id (nothing else is said)',
    example: true,
  })
  found!: boolean;
  @ApiProperty({ enum: SANCTION_RISK_LEVELS, nullable: true, example: 'high' }) level!: string | null;
  @ApiProperty({ type: [SanctionRiskReasonResponse] }) reasons!: SanctionRiskReasonResponse[];
  @ApiProperty({ type: HearingContactResponse, nullable: true })
  hearingContact!: HearingContactResponse | null;
}

export class SanctionRiskBulkResponse {
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) checkedAt!: string;
  @ApiProperty({
    type: [SanctionRiskBulkItemResponse],
    description: 'One per distinct requested id, in request order',
  })
  results!: SanctionRiskBulkItemResponse[];
}
