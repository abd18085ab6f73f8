import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class UnlinkCitizenRecordsDto extends FactDto {
  @ApiProperty({
    description: 'Why the records are not the same person',
    example: 'Two different men with the alias "Bamse"',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
