import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HOUSING_STATUSES,
  HousingStatus,
  MEDICATION_NEEDS,
  MedicationNeeds,
} from '@hf/domain/institution/institution';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsDateString, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCpr, IsMunicipalityCode } from '../../http/validators';

export const NOTICE_STATUSES = ['planned', 'happened'] as const;

/**
 * A discharge or release notice from a ward, hospital or prison that may know no more than the CPR number: the
 * service finds the citizen (or registers a provisional one), the admission or prison stay (or records it), and
 * then records the planned or actual discharge/release.
 */
export class ReceiveDischargeNoticeDto {
  @ApiPropertyOptional({
    description: 'CPR number of the citizen (stored only encrypted)',
    example: '110382-4127',
  })
  @IsOptional()
  @IsCpr()
  cpr?: string;

  @ApiPropertyOptional({ description: 'Name, when there is no CPR number', example: 'Kim Larsen' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Alias, when there is no CPR number', example: 'Kim' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  alias?: string;

  @ApiPropertyOptional({
    description: 'Handlekommune for a provisional citizen (default: the sending unit’s municipality)',
    example: '101',
  })
  @IsOptional()
  @IsMunicipalityCode()
  handlekommune?: string;

  @ApiProperty({
    enum: NOTICE_STATUSES,
    description: 'planned (expected date) or happened',
    example: 'planned',
  })
  @IsIn(NOTICE_STATUSES)
  status!: (typeof NOTICE_STATUSES)[number];

  @ApiProperty({ description: 'Hospital, ward or prison', example: 'Psykiatrisk Center København' })
  @IsString()
  @Length(2, 200)
  institutionName!: string;

  @ApiPropertyOptional({
    description: 'When the admission or intake began, if it is not on record yet (default: now)',
    example: '2026-03-01T08:00:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  admittedAt?: string;

  @ApiPropertyOptional({
    description: 'Expected date (YYYY-MM-DD); required when planned',
    example: '2026-03-03',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  expectedDate?: string;

  @ApiPropertyOptional({
    description: 'When it happened (status happened; default now)',
    example: '2026-03-03T10:00:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({
    description:
      'own-home, family-or-friends, unknown, or the unit id of the destination (e.g. a §110 shelter)',
    example: 'unit-forsorgshjemmet-roskilde',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, {
    message: 'destination must be own-home, family-or-friends, unknown or a unit id',
  })
  destination?: string;

  @ApiProperty({ enum: HOUSING_STATUSES, example: 'no-home' })
  @IsIn(HOUSING_STATUSES)
  housingStatus!: HousingStatus;

  @ApiPropertyOptional({
    enum: MEDICATION_NEEDS,
    description: 'Needs at arrival (health category; hospital notices only)',
    example: 'supervised-dispensing',
  })
  @IsOptional()
  @IsIn(MEDICATION_NEEDS)
  medicationNeeds?: MedicationNeeds;
}

export class DischargeNoticeResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ description: 'A provisional citizen was registered for this notice', example: false })
  provisional!: boolean;
  @ApiProperty({ description: 'The admission or prison stay the notice is about', example: '0195b2d0-…' })
  noticeId!: string;
  @ApiProperty({ example: ['DischargePlanned'], type: [String] }) recorded!: string[];
  @ApiProperty({
    description: 'Hours from receipt to the expected discharge or release (planned notices)',
    nullable: true,
    type: Number,
    example: 26,
  })
  leadTimeHours!: number | null;
  @ApiProperty({ description: 'Less than 48 hours’ notice (001:L4120)', example: true })
  shortNotice!: boolean;
}
