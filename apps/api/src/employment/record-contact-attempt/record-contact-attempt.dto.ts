import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  ContactChannel,
  ContactOutcome,
} from '@hf/domain/employment/employment';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordContactAttemptDto extends FactDto {
  @ApiProperty({
    enum: CONTACT_CHANNELS,
    description: 'How contact was attempted',
    example: 'via-support-worker',
  })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ enum: CONTACT_OUTCOMES, example: 'reached' })
  @IsIn(CONTACT_OUTCOMES)
  outcome!: ContactOutcome;
}
