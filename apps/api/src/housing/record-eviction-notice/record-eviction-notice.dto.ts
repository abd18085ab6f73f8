import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, Length } from 'class-validator';
import { TenancyFactDto } from '../tenancy.dto';

export class RecordEvictionNoticeDto extends TenancyFactDto {
  @ApiProperty({
    description: "The bailiff's eviction date in the fogedsag (YYYY-MM-DD)",
    example: '2026-04-14',
  })
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'bailiffDate must be a date YYYY-MM-DD' })
  bailiffDate!: string;
}
