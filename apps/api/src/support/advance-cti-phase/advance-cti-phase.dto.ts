import { ApiProperty } from '@nestjs/swagger';
import { CTI_PHASES, CtiPhase } from '@hf/domain/support/support';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AdvanceCtiPhaseDto extends FactDto {
  @ApiProperty({ enum: CTI_PHASES, example: 'phase-1', description: 'The phase the course enters now' })
  @IsIn(CTI_PHASES)
  phase!: CtiPhase;
}
