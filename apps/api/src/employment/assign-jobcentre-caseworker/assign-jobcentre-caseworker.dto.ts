import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AssignJobcentreCaseworkerDto extends FactDto {
  @ApiProperty({
    description: "Opaque staff id from the municipality's directory; never a name",
    example: 'jc-4711',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'caseworkerId must be an opaque staff id like jc-4711',
  })
  caseworkerId!: string;

  @ApiProperty({
    description: 'Id of the jobcentre unit the caseworker acts for',
    example: 'jobcentre-koebenhavn-nord',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, {
    message: 'unitId must be a lower-case unit id like jobcentre-aarhus',
  })
  unitId!: string;
}
