import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class FollowUpActionPlanDto extends FactDto {
  @ApiProperty({ description: 'The plan was changed at the follow-up, not only reviewed', example: false })
  @IsBoolean()
  revised!: boolean;

  @ApiPropertyOptional({
    description: 'When the plan is next to be followed up (YYYY-MM-DD)',
    example: '2026-09-01',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'nextFollowUpDue must be a date YYYY-MM-DD' })
  nextFollowUpDue?: string;
}
