import { ApiProperty } from '@nestjs/swagger';
import type { Section110DischargeConditions } from '@hf/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, ValidateNested } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/** The five conditions of serviceloven §110 stk. 5, as the caseworker attests them. */
export class Section110ConditionsDto implements Section110DischargeConditions {
  @ApiProperty({ description: 'A §141 action plan (or §142 plan) exists', example: true })
  @IsBoolean()
  actionPlan!: boolean;

  @ApiProperty({ description: 'A home, or a place in a §107/§108 residence, is available', example: true })
  @IsBoolean()
  homeOrPlace!: boolean;

  @ApiProperty({ description: 'Support (e.g. §85 bostøtte or §85a CTI) is decided', example: true })
  @IsBoolean()
  supportDecided!: boolean;

  @ApiProperty({ description: 'The lease is signed', example: true })
  @IsBoolean()
  leaseSigned!: boolean;

  @ApiProperty({ description: 'The citizen can move in', example: false })
  @IsBoolean()
  moveInPossible!: boolean;
}

export class DecideMunicipalDischargeDto extends FactDto {
  @ApiProperty({ type: Section110ConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => Section110ConditionsDto)
  conditions!: Section110ConditionsDto;
}
