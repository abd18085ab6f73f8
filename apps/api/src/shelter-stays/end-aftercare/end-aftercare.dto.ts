import { ApiProperty } from '@nestjs/swagger';
import { AFTERCARE_END_REASONS, AftercareEndReason } from '@hf/domain';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class EndAftercareDto extends FactDto {
  @ApiProperty({ enum: AFTERCARE_END_REASONS, example: 'completed' })
  @IsIn(AFTERCARE_END_REASONS)
  reason!: AftercareEndReason;
}
