import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  ContactChannel,
  ContactOutcome,
} from '@hf/domain/employment/employment';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/** Named apart from support's RecordContactAttemptDto: OpenAPI keys schemas by class name, and the
 *  second class of one name would be documented with the first one's channels. */
export class RecordSanctionContactAttemptDto extends FactDto {
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
