import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPOSIT_APPLICATION_KINDS, DepositApplicationKind } from '@hf/domain/benefits/benefits';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsUUID,
  Length,
  Max,
} from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';
import { FactDto } from '../../shared/decide/fact.dto';

export class SubmitDepositApplicationDto extends FactDto {
  @ApiProperty({
    enum: DEPOSIT_APPLICATION_KINDS,
    description:
      'beboerindskudslan: deposit loan for social (almen) housing, boligstøtteloven kap. 10; moving-expenses: ' +
      'moving costs incl. depositum, aktivloven §85 stk. 1 og 2; furniture-grant: necessary household goods, aktivloven §81',
    example: 'moving-expenses',
  })
  @IsIn(DEPOSIT_APPLICATION_KINDS)
  kind!: DepositApplicationKind;

  @ApiProperty({ description: 'Applied amount in kr (up to 2 decimals)', example: 14550 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(500000)
  amountKr!: number;

  @ApiProperty({
    description:
      'Kommunekode of the deciding municipality; for moving expenses the municipality the citizen moves to',
    example: '751',
  })
  @IsMunicipalityCode()
  decidingMunicipality!: string;

  @ApiPropertyOptional({
    description: 'The dwelling is non-profit (almen) social housing; required true for a beboerindskudslån',
    default: false,
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  socialHousing?: boolean;

  @ApiPropertyOptional({
    description: 'Id of the housing offer the application follows',
    example: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b',
  })
  @IsOptional()
  @IsUUID()
  linkedOfferId?: string;

  @ApiPropertyOptional({
    description: 'The offer lapses unless the lease is signed by this date (YYYY-MM-DD)',
    example: '2026-03-06',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  leaseSigningDeadline?: string;
}
