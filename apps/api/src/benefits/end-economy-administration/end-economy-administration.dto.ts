import { ApiProperty } from '@nestjs/swagger';
import {
  ECONOMY_ADMINISTRATION_END_REASONS,
  EconomyAdministrationEndReason,
} from '@hf/domain/benefits/benefits';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class EndEconomyAdministrationDto extends FactDto {
  @ApiProperty({ enum: ECONOMY_ADMINISTRATION_END_REASONS, example: 'citizen-withdrew' })
  @IsIn(ECONOMY_ADMINISTRATION_END_REASONS)
  reason!: EconomyAdministrationEndReason;
}
