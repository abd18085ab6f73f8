import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOUSING_STATUSES, HousingStatus } from '@hf/domain/institution/institution';
import { IsDateString, IsIn, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class SchedulePrisonReleaseDto extends FactDto {
  @ApiProperty({ description: 'Expected release date (YYYY-MM-DD)', example: '2026-03-30' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  expectedReleaseDate!: string;

  @ApiPropertyOptional({ enum: HOUSING_STATUSES, default: 'unknown', example: 'no-home' })
  @IsOptional()
  @IsIn(HOUSING_STATUSES)
  housingStatus?: HousingStatus;
}
