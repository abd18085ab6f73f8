import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENT_METHODS, AssessmentMethod } from '@hf/domain/plan/plan';
import { IsDateString, IsIn, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class StartAssessmentDto extends FactDto {
  @ApiProperty({
    description: 'Assessment method: VUM 2.0 (voksenudredningsmetoden), the first VUM, or another method',
    enum: ASSESSMENT_METHODS,
    example: 'vum-2.0',
  })
  @IsIn(ASSESSMENT_METHODS)
  method!: AssessmentMethod;

  @ApiPropertyOptional({
    description: 'When the assessment is planned to be completed (YYYY-MM-DD)',
    example: '2026-04-15',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'expectedCompletionBy must be a date YYYY-MM-DD' })
  expectedCompletionBy?: string;
}
