import { ApiProperty } from '@nestjs/swagger';
import {
  HOUSING_STATUSES,
  HousingStatus,
  MEDICATION_NEEDS,
  MedicationNeeds,
} from '@hf/domain/institution/institution';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsDateString, IsIn, IsString, Length, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class PlanHospitalDischargeDto extends FactDto {
  @ApiProperty({ description: 'Expected discharge date (YYYY-MM-DD)', example: '2026-03-06' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  expectedDate!: string;

  @ApiProperty({
    description:
      'own-home, family-or-friends, unknown, or the unit id of the destination (e.g. a §110 shelter)',
    example: 'unit-forsorgshjemmet-roskilde',
  })
  @IsString()
  @Matches(UNIT_ID_PATTERN, {
    message: 'destination must be own-home, family-or-friends, unknown or a unit id',
  })
  destination!: string;

  @ApiProperty({ enum: HOUSING_STATUSES, example: 'no-home' })
  @IsIn(HOUSING_STATUSES)
  housingStatus!: HousingStatus;

  @ApiProperty({ enum: MEDICATION_NEEDS, example: 'supervised-dispensing' })
  @IsIn(MEDICATION_NEEDS)
  medicationNeeds!: MedicationNeeds;
}
