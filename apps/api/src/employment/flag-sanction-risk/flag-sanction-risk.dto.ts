import { ApiProperty } from '@nestjs/swagger';
import { SANCTION_GROUNDS, SanctionGround } from '@hf/domain/employment/employment';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class FlagSanctionRiskDto extends FactDto {
  @ApiProperty({ enum: SANCTION_GROUNDS, example: 'missed-meeting' })
  @IsIn(SANCTION_GROUNDS)
  reason!: SanctionGround;
}
