import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOME_SITUATIONS, HomeSituation } from '@hf/domain';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';

export class RecordShelterAdmissionDto {
  @ApiProperty({ description: 'Id of the §110 shelter unit', example: 'shelter-kollegiet-sct-nicolai' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, {
    message: 'shelterId must be a lower-case unit id like shelter-name-city',
  })
  shelterId!: string;

  @ApiProperty({ example: 'Kollegiet Sct. Nicolai' })
  @IsString()
  @Length(1, 200)
  shelterName!: string;

  @ApiProperty({ description: 'Kommunekode of the municipality the shelter lies in', example: '101' })
  @IsMunicipalityCode()
  municipalityOfStay!: string;

  @ApiPropertyOptional({
    description: "Handlekommune for this stay; defaults to the citizen's registered handlekommune",
    example: '147',
  })
  @IsOptional()
  @IsMunicipalityCode()
  handlekommune?: string;

  @ApiProperty({ enum: ['self-referred', 'referred'], example: 'self-referred' })
  @IsIn(['self-referred', 'referred'])
  referral!: 'self-referred' | 'referred';

  @ApiPropertyOptional({
    description:
      'Whether the citizen has no home, or has one they cannot use (e.g. because of violence or threats there)',
    enum: HOME_SITUATIONS,
    default: 'no-home',
    example: 'home-cannot-be-used',
  })
  @IsOptional()
  @IsIn(HOME_SITUATIONS)
  homeSituation?: HomeSituation;

  @ApiPropertyOptional({
    description: 'When the citizen was admitted (ISO 8601); defaults to now',
    example: '2026-03-02T21:40:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class StayIdResponse {
  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  stayId!: string;
}
