import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_CHANNELS, ConsentChannel } from '@hf/domain';
import { IsIn } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class WithdrawConsentDto extends FactDto {
  @ApiProperty({
    enum: CONSENT_CHANNELS,
    description: 'A consent can be withdrawn any way, also orally to any staff member',
    example: 'oral',
  })
  @IsIn(CONSENT_CHANNELS)
  withdrawnVia!: ConsentChannel;
}
