import { ApiProperty } from '@nestjs/swagger';
import { HOUSING_TYPES, HousingType } from '@hf/domain/housing/housing';
import { IsIn } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';
import { FactDto } from '../../shared/decide/fact.dto';

export class RequestAllocationDto extends FactDto {
  @ApiProperty({
    description: 'Kommunekode of the municipality using its right to nominate (anvisningsret)',
    example: '101',
  })
  @IsMunicipalityCode()
  municipality!: string;

  @ApiProperty({ enum: HOUSING_TYPES, example: 'almen-bolig' })
  @IsIn(HOUSING_TYPES)
  housingType!: HousingType;
}
