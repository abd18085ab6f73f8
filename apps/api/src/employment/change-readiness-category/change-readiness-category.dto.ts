import { ApiProperty } from '@nestjs/swagger';
import { READINESS_CATEGORIES, ReadinessCategory } from '@hf/domain/employment/employment';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class ChangeReadinessCategoryDto extends FactDto {
  @ApiProperty({ enum: READINESS_CATEGORIES, example: 'activity-ready' })
  @IsIn(READINESS_CATEGORIES)
  category!: ReadinessCategory;
}
