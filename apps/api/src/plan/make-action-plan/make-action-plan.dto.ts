import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_PLAN_FOCUS_AREAS, ActionPlanFocusArea } from '@hf/domain/plan/plan';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class MakeActionPlanDto extends FactDto {
  @ApiProperty({
    description: 'Life areas the plan covers (its content stays in the case system)',
    enum: ACTION_PLAN_FOCUS_AREAS,
    isArray: true,
    example: ['housing', 'economy', 'employment'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ACTION_PLAN_FOCUS_AREAS.length)
  @IsIn(ACTION_PLAN_FOCUS_AREAS, { each: true })
  focusAreas!: ActionPlanFocusArea[];

  @ApiPropertyOptional({
    description: 'When the plan is next to be followed up (YYYY-MM-DD)',
    example: '2026-06-01',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'nextFollowUpDue must be a date YYYY-MM-DD' })
  nextFollowUpDue?: string;
}
