import { ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_TYPES, type UnitType } from '@hf/domain/alerts';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/** Until authentication exists the unit is named here; the access policy will then take it from the caller. */
export class AcknowledgeAlertDto extends FactDto {
  @ApiPropertyOptional({
    enum: UNIT_TYPES,
    description: 'The recipient unit type that acknowledges (must be a recipient of the alert)',
    example: 'social-authority',
  })
  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @ApiPropertyOptional({
    description: 'The acknowledging unit, when the recipient names one',
    example: 'unit-myndighed-kobenhavn',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, { message: 'unitId must be a lower-case unit id' })
  unitId?: string;
}
