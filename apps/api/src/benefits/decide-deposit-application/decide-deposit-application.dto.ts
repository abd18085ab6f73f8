import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISION_OUTCOMES,
  DECISION_REASONS,
  DecisionOutcome,
  DecisionReason,
} from '@hf/domain/benefits/benefits';
import { IsIn, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class DecideDepositApplicationDto extends FactDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'partially-granted' })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({
    description:
      'Granted amount in kr: defaults to the applied amount when granted; required (below the applied amount) ' +
      'when partially granted; 0 or absent when refused',
    example: 9700,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500000)
  grantedAmountKr?: number;

  @ApiPropertyOptional({
    enum: DECISION_REASONS,
    description: 'Required when refused or partially granted; not given for a full grant',
    example: 'amount-above-reasonable-level',
  })
  @IsOptional()
  @IsIn(DECISION_REASONS)
  reasonCode?: DecisionReason;
}
