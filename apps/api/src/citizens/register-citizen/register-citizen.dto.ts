import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { IsCpr, IsMunicipalityCode } from '../../http/validators';

export class RegisterCitizenDto {
  @ApiPropertyOptional({
    description: 'CPR number (DDMMYY-SSSS). Stored only encrypted; omit when the citizen has none at hand.',
    example: '070761-4285',
  })
  @IsOptional()
  @IsCpr()
  cpr?: string;

  @ApiPropertyOptional({
    description: 'Full name. Required when there is neither CPR nor alias.',
    example: 'Jens Hansen',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'The name the citizen goes by (kaldenavn)', example: 'Bamse' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  alias?: string;

  @ApiPropertyOptional({ description: 'Birth date when there is no CPR (YYYY-MM-DD)', example: '1961-07-07' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate?: string;

  @ApiProperty({ description: 'Handlekommune: the responsible municipality (kommunekode)', example: '101' })
  @IsMunicipalityCode()
  handlekommune!: string;

  @ApiPropertyOptional({
    description: 'When the citizen was registered in the world, if earlier than now (ISO 8601)',
    example: '2026-03-02T09:15:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class CitizenIdResponse {
  @ApiProperty({ example: '0193a4c2-7f1e-7b8a-9c3d-5e6f7a8b9c0d' })
  citizenId!: string;
}
