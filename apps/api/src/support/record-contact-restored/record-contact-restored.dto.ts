import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, ContactChannel } from '@hf/domain/support/support';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordContactRestoredDto extends FactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'via-shelter', description: 'How contact was made again' })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;
}
