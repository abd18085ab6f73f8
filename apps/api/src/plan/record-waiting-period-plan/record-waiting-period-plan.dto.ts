import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WAITING_PERIOD_STAYS,
  WAITING_PERIOD_SUPPORT,
  WaitingPeriodStay,
  WaitingPeriodSupport,
} from '@hf/domain/plan/plan';
import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordWaitingPeriodPlanDto extends FactDto {
  @ApiProperty({
    description: 'Where the citizen stays until housing comes',
    enum: WAITING_PERIOD_STAYS,
    example: 'shelter',
  })
  @IsIn(WAITING_PERIOD_STAYS)
  stayingAt!: WaitingPeriodStay;

  @ApiProperty({
    description: 'Which kind of unit supports the citizen meanwhile',
    enum: WAITING_PERIOD_SUPPORT,
    example: 'support-provider',
  })
  @IsIn(WAITING_PERIOD_SUPPORT)
  supportedBy!: WaitingPeriodSupport;

  @ApiPropertyOptional({
    description: 'Name of the supporting unit (a team or shelter, never a person)',
    example: 'CTI-teamet, Socialforvaltningen København',
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  supportUnitName?: string;

  @ApiPropertyOptional({
    description: 'When housing is expected to be in place (YYYY-MM-DD)',
    example: '2026-09-01',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'housingExpectedBy must be a date YYYY-MM-DD' })
  housingExpectedBy?: string;
}
