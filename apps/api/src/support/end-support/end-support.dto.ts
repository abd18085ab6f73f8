import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SUCCESSOR_SUPPORT_OPTIONS,
  SUPPORT_END_KINDS,
  SUPPORT_END_REASONS,
  SuccessorSupport,
  SupportEndKind,
  SupportEndReason,
} from '@hf/domain/support/support';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class EndSupportDto extends FactDto {
  @ApiProperty({ enum: SUPPORT_END_KINDS, example: 'planned' })
  @IsIn(SUPPORT_END_KINDS)
  endKind!: SupportEndKind;

  @ApiProperty({
    enum: SUPPORT_END_REASONS,
    example: 'goal-reached',
    description:
      'planned: goal-reached, moved-municipality, other; unplanned: no-wish, lost-contact, moved-municipality, died, other',
  })
  @IsIn(SUPPORT_END_REASONS)
  reason!: SupportEndReason;

  @ApiProperty({
    enum: SUCCESSOR_SUPPORT_OPTIONS,
    example: 'section-85',
    description: 'The support that follows, or none. A CTI or ICM course cannot end as planned with none.',
  })
  @IsIn(SUCCESSOR_SUPPORT_OPTIONS)
  successorSupport!: SuccessorSupport;

  @ApiPropertyOptional({
    description: 'The successor course, when it is already decided (a supportId of the same citizen)',
    example: '0193a4c2-9b3c-7d4e-8f50-6a7b8c9d0e1f',
  })
  @IsOptional()
  @IsUUID()
  successorSupportId?: string;
}
