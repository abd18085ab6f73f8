import { ApiProperty } from '@nestjs/swagger';
import { HANDLEKOMMUNE_NOTICE_CHANNELS, HandlekommuneNoticeChannel } from '@hf/domain';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordHandlekommuneNotifiedDto extends FactDto {
  @ApiProperty({
    enum: HANDLEKOMMUNE_NOTICE_CHANNELS,
    description: 'How the shelter notified the handlekommune',
    example: 'secure-email',
  })
  @IsIn(HANDLEKOMMUNE_NOTICE_CHANNELS)
  channel!: HandlekommuneNoticeChannel;
}
