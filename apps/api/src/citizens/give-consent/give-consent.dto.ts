import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_CATEGORIES,
  CONSENT_CHANNELS,
  CONSENT_RECIPIENT_UNIT_TYPES,
  ConsentChannel,
  ConsentRecipientUnitType,
  EventCategory,
} from '@hf/domain';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/**
 * A consent under forvaltningsloven §28: specific (purpose, recipients, categories), informed (the consent text
 * it refers to) and revocable. Empty recipients or categories are refused by the domain rule (422).
 */
export class GiveConsentDto extends FactDto {
  @ApiProperty({
    description: 'Purpose code, the same kind of code readers declare in X-Purpose',
    example: 'housing-first-coordination',
  })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'purpose must be a short code such as sanction-hearing' })
  purpose!: string;

  @ApiPropertyOptional({
    description: 'Specific units that may receive the information',
    example: ['shelter-kollegiet-sct-nicolai', 'kk-jobcenter-nord'],
    type: [String],
    default: [],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, {
    each: true,
    message: 'each recipient unit id must be a lower-case unit id',
  })
  recipientUnitIds?: string[];

  @ApiPropertyOptional({
    description: 'Kinds of unit that may receive the information',
    enum: CONSENT_RECIPIENT_UNIT_TYPES,
    isArray: true,
    example: ['jobcentre', 'benefits'],
    default: [],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONSENT_RECIPIENT_UNIT_TYPES.length)
  @IsIn(CONSENT_RECIPIENT_UNIT_TYPES, { each: true })
  recipientUnitTypes?: ConsentRecipientUnitType[];

  @ApiProperty({
    description: 'Categories of information the consent covers',
    enum: CONSENT_CATEGORIES,
    isArray: true,
    example: ['employment', 'shelter', 'support'],
  })
  @IsArray()
  @ArrayMaxSize(CONSENT_CATEGORIES.length)
  @IsIn(CONSENT_CATEGORIES, { each: true })
  categories!: EventCategory[];

  @ApiProperty({
    description: 'Reference to the versioned consent text the citizen was shown (samtykkeerklæring)',
    example: 'kk-samtykke-housing-first-2025-v2',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/, {
    message: 'legalTextRef must be a document reference of letters, digits and . _ -',
  })
  legalTextRef!: string;

  @ApiProperty({ enum: CONSENT_CHANNELS, example: 'written' })
  @IsIn(CONSENT_CHANNELS)
  givenVia!: ConsentChannel;

  @ApiPropertyOptional({
    description: 'When the consent lapses (ISO 8601); omit for a consent until withdrawn',
    example: '2027-03-01T23:59:59+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class ConsentIdResponse {
  @ApiProperty({ example: ['ConsentGiven'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-5d1e-7f20-8a3b-4c5d6e7f8a9b' })
  consentId!: string;
}
