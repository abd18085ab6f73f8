import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORT_METHODS, SupportMethod, UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class DecideSupportDto extends FactDto {
  @ApiProperty({
    enum: SUPPORT_METHODS,
    example: 'cti',
    description: 'section-85 = §85 bostøtte; cti/icm/act/m-act = §85a; aftercare = efterforsorg (as §85)',
  })
  @IsIn(SUPPORT_METHODS)
  method!: SupportMethod;

  @ApiProperty({
    description: 'The support provider unit that delivers the course',
    example: 'unit-cti-team-kobenhavn',
  })
  @IsString()
  @Matches(UNIT_ID_PATTERN, {
    message: 'providerUnitId must be a lower-case unit id like unit-cti-team-kobenhavn',
  })
  providerUnitId!: string;

  @ApiPropertyOptional({
    description:
      'Decided before the §110 shelter discharge (§176a refund). Defaults to whether the citizen was in a §110 ' +
      'shelter when the decision was made.',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  decidedBeforeShelterDischarge?: boolean;
}
