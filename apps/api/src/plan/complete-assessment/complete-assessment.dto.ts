import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class CompleteAssessmentDto extends FactDto {
  @ApiProperty({
    description:
      'Whether the assessment found a need for support; the assessment itself stays in the case system',
    example: true,
  })
  @IsBoolean()
  supportNeedIdentified!: boolean;
}
