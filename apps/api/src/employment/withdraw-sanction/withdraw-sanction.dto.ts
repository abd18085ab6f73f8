import { ApiProperty } from '@nestjs/swagger';
import { WITHDRAWAL_REASONS, WithdrawalReason } from '@hf/domain/employment/employment';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class WithdrawSanctionDto extends FactDto {
  @ApiProperty({ enum: WITHDRAWAL_REASONS, example: 'reasonable-cause' })
  @IsIn(WITHDRAWAL_REASONS)
  reason!: WithdrawalReason;
}
