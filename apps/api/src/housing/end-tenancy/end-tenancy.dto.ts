import { ApiProperty } from '@nestjs/swagger';
import { TENANCY_END_REASONS, TenancyEndReason } from '@hf/domain/housing/housing';
import { IsIn } from 'class-validator';
import { TenancyFactDto } from '../tenancy.dto';

export class EndTenancyDto extends TenancyFactDto {
  @ApiProperty({
    description: 'Why the tenancy ended (an eviction is recorded as eviction-executed instead)',
    enum: TENANCY_END_REASONS,
    example: 'moved-to-other-home',
  })
  @IsIn(TENANCY_END_REASONS)
  reason!: TenancyEndReason;
}
