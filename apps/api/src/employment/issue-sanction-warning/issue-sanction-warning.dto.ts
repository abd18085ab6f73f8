import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  READINESS_CATEGORIES,
  ReadinessCategory,
  SANCTION_GROUNDS,
  SanctionGround,
} from '@hf/domain/employment/employment';
import { IsDateString, IsIn, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class IssueSanctionWarningDto extends FactDto {
  @ApiProperty({
    enum: SANCTION_GROUNDS,
    description: 'What the sanction would be for',
    example: 'missed-meeting',
  })
  @IsIn(SANCTION_GROUNDS)
  ground!: SanctionGround;

  @ApiPropertyOptional({
    enum: READINESS_CATEGORIES,
    description:
      "The citizen's category; defaults to the recorded one and must agree with it. activity-ready means the " +
      'extended hearing: a sanction needs at least one documented personal contact attempt.',
    example: 'activity-ready',
  })
  @IsOptional()
  @IsIn(READINESS_CATEGORIES)
  readiness?: ReadinessCategory;

  @ApiProperty({ description: 'Last day to respond to the hearing (YYYY-MM-DD)', example: '2026-03-09' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  hearingDeadline!: string;
}
