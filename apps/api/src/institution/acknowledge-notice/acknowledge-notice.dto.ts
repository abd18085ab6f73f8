import { ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_ID_PATTERN } from '@hf/domain/support/support';
import { IsOptional, IsString, Matches } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class AcknowledgeNoticeDto extends FactDto {
  @ApiPropertyOptional({
    description: "The unit that acknowledges: the caller's own (naming another unit is refused with 403)",
    example: 'unit-forsorgshjemmet-roskilde',
  })
  @IsOptional()
  @IsString()
  @Matches(UNIT_ID_PATTERN, { message: 'acknowledgingUnitId must be a lower-case unit id' })
  acknowledgingUnitId?: string;
}
