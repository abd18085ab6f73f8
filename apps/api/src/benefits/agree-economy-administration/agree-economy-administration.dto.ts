import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ECONOMY_ADMINISTRATION_SCOPES, EconomyAdministrationScope } from '@hf/domain/benefits/benefits';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  Length,
} from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AgreeEconomyAdministrationDto extends FactDto {
  @ApiProperty({
    enum: ECONOMY_ADMINISTRATION_SCOPES,
    isArray: true,
    description: 'Which payments the municipality administers for the citizen',
    example: ['rent', 'utilities'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(ECONOMY_ADMINISTRATION_SCOPES.length)
  @IsIn(ECONOMY_ADMINISTRATION_SCOPES, { each: true })
  scope!: EconomyAdministrationScope[];

  @ApiPropertyOptional({ description: 'When the agreement is reviewed (YYYY-MM-DD)', example: '2026-09-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  reviewDate?: string;
}
