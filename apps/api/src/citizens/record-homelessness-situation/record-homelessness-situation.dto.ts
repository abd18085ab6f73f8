import { ApiProperty } from '@nestjs/swagger';
import { HOMELESSNESS_SITUATIONS, HomelessnessSituation } from '@hf/domain';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordHomelessnessSituationDto extends FactDto {
  @ApiProperty({
    enum: HOMELESSNESS_SITUATIONS,
    description:
      "The national homeless count's situations: street, night shelter (natvarmestue), §110 shelter, hotel or " +
      'hostel, family or friends (sofasurfing), transitional housing, release from prison or discharge from ' +
      'hospital within a month without housing, other',
    example: 'family-friends',
  })
  @IsIn(HOMELESSNESS_SITUATIONS)
  situation!: HomelessnessSituation;
}
