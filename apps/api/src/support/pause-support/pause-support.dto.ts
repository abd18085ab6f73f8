import { ApiProperty } from '@nestjs/swagger';
import { SUPPORT_PAUSE_REASONS, SupportPauseReason } from '@hf/domain/support/support';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class PauseSupportDto extends FactDto {
  @ApiProperty({ enum: SUPPORT_PAUSE_REASONS, example: 'hospital-admission' })
  @IsIn(SUPPORT_PAUSE_REASONS)
  reason!: SupportPauseReason;
}
