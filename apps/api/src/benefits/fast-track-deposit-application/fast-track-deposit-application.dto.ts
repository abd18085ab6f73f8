import { ApiProperty } from '@nestjs/swagger';
import { FAST_TRACK_REASONS, FastTrackReason } from '@hf/domain/benefits/benefits';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class FastTrackDepositApplicationDto extends FactDto {
  @ApiProperty({ enum: FAST_TRACK_REASONS, example: 'housing-offer-lease-deadline' })
  @IsIn(FAST_TRACK_REASONS)
  reason!: FastTrackReason;
}
