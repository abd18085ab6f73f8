import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHELTER_DISCHARGE_DESTINATIONS, ShelterDischargeDestination } from '@hf/domain';
import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';

export class RecordShelterDischargeDto {
  @ApiProperty({ enum: SHELTER_DISCHARGE_DESTINATIONS, example: 'own-home' })
  @IsIn(SHELTER_DISCHARGE_DESTINATIONS)
  destination!: ShelterDischargeDestination;

  @ApiProperty({
    description: 'Planned discharge (true) or the citizen left unannounced (false)',
    example: true,
  })
  @IsBoolean()
  planned!: boolean;

  @ApiPropertyOptional({
    description: 'When the citizen left (ISO 8601); defaults to now',
    example: '2026-05-14T10:00:00+02:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
