import { ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordHospitalDischargeDto extends FactDto {
  @ApiPropertyOptional({
    description:
      'own-home, family-or-friends, unknown, or the unit id of the destination; defaults to the planned destination',
    example: 'unit-forsorgshjemmet-roskilde',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, {
    message: 'destination must be own-home, family-or-friends, unknown or a unit id',
  })
  destination?: string;
}
