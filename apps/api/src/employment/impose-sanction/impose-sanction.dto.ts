import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsPositive, Max } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class ImposeSanctionDto extends FactDto {
  @ApiProperty({ description: 'Deduction from the benefit in kr', example: 1038.5 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(100000)
  amountKr!: number;
}
