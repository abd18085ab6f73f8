import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORT_INTENSITY_LEVELS, SupportIntensityLevel } from '@hf/domain/support/support';
import { IsIn, IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AdjustSupportIntensityDto extends FactDto {
  @ApiProperty({ enum: SUPPORT_INTENSITY_LEVELS, example: 'high' })
  @IsIn(SUPPORT_INTENSITY_LEVELS)
  level!: SupportIntensityLevel;

  @ApiPropertyOptional({ description: 'Planned contacts a week (0.5 = every other week)', example: 3 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @IsPositive()
  @Max(21)
  plannedContactsPerWeek?: number;
}
