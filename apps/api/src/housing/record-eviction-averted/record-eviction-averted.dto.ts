import { ApiProperty } from '@nestjs/swagger';
import { EVICTION_AVERTED_BY, EvictionAvertedBy } from '@hf/domain/housing/housing';
import { IsIn } from 'class-validator';
import { TenancyFactDto } from '../tenancy.dto';

export class RecordEvictionAvertedDto extends TenancyFactDto {
  @ApiProperty({
    description: 'How the eviction was averted',
    enum: EVICTION_AVERTED_BY,
    example: 'payment-agreement',
  })
  @IsIn(EVICTION_AVERTED_BY)
  avertedBy!: EvictionAvertedBy;
}
