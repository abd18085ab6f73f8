import { ApiProperty } from '@nestjs/swagger';
import { EXEMPTION_REASONS, ExemptionReason } from '@hf/domain/employment/employment';
import { IsDateString, IsIn, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class GrantExemptionDto extends FactDto {
  @ApiProperty({ description: 'Last day of the exemption (YYYY-MM-DD, inclusive)', example: '2026-05-31' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  until!: string;

  @ApiProperty({
    enum: EXEMPTION_REASONS,
    description: 'A coarse code; no health details',
    example: 'housing-situation',
  })
  @IsIn(EXEMPTION_REASONS)
  reason!: ExemptionReason;
}
