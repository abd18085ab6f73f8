import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class StartHospitalLeaveDto extends FactDto {
  @ApiPropertyOptional({ description: 'Expected return (YYYY-MM-DD)', example: '2026-03-08' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  expectedReturnDate?: string;
}
