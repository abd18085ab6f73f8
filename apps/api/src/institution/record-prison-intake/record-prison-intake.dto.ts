import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordPrisonIntakeDto extends FactDto {
  @ApiProperty({ description: 'Prison or remand institution', example: 'Statsfængslet Østjylland' })
  @IsString()
  @Length(2, 200)
  institutionName!: string;
}
