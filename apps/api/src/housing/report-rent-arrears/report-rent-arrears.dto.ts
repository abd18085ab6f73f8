import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsPositive, Max, Min } from 'class-validator';
import { TenancyFactDto } from '../tenancy.dto';

export class ReportRentArrearsDto extends TenancyFactDto {
  @ApiProperty({ description: 'Rent owed (huslejerestance) in kr', example: 10900 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1000000)
  amountKr!: number;

  @ApiProperty({ description: 'How many months of rent are unpaid', example: 2 })
  @IsInt()
  @Min(1)
  @Max(120)
  monthsInArrears!: number;
}
