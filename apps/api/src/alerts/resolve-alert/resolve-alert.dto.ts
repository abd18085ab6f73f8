import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MANUAL_RESOLUTION_REASONS,
  UNIT_TYPES,
  type ManualResolutionReason,
  type UnitType,
} from '@hf/domain/alerts';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class ResolveAlertDto extends FactDto {
  @ApiProperty({
    enum: MANUAL_RESOLUTION_REASONS,
    description:
      'Why the alert is closed by hand: a code, never free text (the inbox is shared between units)',
    example: 'handled',
  })
  @IsIn(MANUAL_RESOLUTION_REASONS)
  reason!: ManualResolutionReason;

  @ApiPropertyOptional({
    enum: UNIT_TYPES,
    description: 'The unit that resolves it',
    example: 'social-authority',
  })
  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @ApiPropertyOptional({ example: 'unit-myndighed-kobenhavn' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, { message: 'unitId must be a lower-case unit id' })
  unitId?: string;
}
