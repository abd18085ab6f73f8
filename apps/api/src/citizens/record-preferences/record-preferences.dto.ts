import { ApiPropertyOptional } from '@nestjs/swagger';
import { PREFERRED_HOUSING_TYPES, PreferredHousingType } from '@hf/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';
import { FactDto } from '../../shared/decide/fact.dto';

/** The citizen's whole current wish; a field left out means no preference. At least one is required (422). */
export class RecordPreferencesDto extends FactDto {
  @ApiPropertyOptional({ description: 'Preferred municipality to live in (kommunekode)', example: '147' })
  @IsOptional()
  @IsMunicipalityCode()
  preferredMunicipality?: string;

  @ApiPropertyOptional({ enum: PREFERRED_HOUSING_TYPES, example: 'alternative-housing' })
  @IsOptional()
  @IsIn(PREFERRED_HOUSING_TYPES)
  housingType?: PreferredHousingType;
}
