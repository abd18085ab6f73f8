import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOUSING_TYPES, HousingType } from '@hf/domain/housing/housing';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';
import { FactDto } from '../../shared/decide/fact.dto';

export class RegisterOnWaitingListDto extends FactDto {
  @ApiProperty({ enum: HOUSING_TYPES, example: 'almen-bolig' })
  @IsIn(HOUSING_TYPES)
  housingType!: HousingType;

  @ApiProperty({ description: 'Kommunekode of the municipality the dwellings lie in', example: '101' })
  @IsMunicipalityCode()
  municipality!: string;

  @ApiPropertyOptional({
    description: "The housing association (boligorganisation), when it is the association's own list",
    example: 'KAB',
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  housingAssociation?: string;
}
