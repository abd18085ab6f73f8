import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export const SANCTION_RISK_BULK_MAX = 500;

export class CheckSanctionRiskBulkDto {
  @ApiProperty({
    description: `Citizen ids to check (1-${SANCTION_RISK_BULK_MAX}; a repeated id is checked once)`,
    example: ['0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a', '0193a4c2-2222-7d4e-8f5a-6b7c8d9e0f1a'],
    type: [String],
    maxItems: SANCTION_RISK_BULK_MAX,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SANCTION_RISK_BULK_MAX)
  @IsUUID('all', { each: true, message: 'each of citizenIds must be a UUID' })
  citizenIds!: string[];
}
