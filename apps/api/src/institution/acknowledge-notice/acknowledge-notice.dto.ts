import { ApiProperty } from '@nestjs/swagger';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AcknowledgeNoticeDto extends FactDto {
  @ApiProperty({
    description: "The unit that acknowledges (until authentication lands; then it must be the caller's unit)",
    example: 'unit-forsorgshjemmet-roskilde',
  })
  @IsString()
  @Matches(UNIT_ID_PATTERN, { message: 'acknowledgingUnitId must be a lower-case unit id' })
  acknowledgingUnitId!: string;
}
