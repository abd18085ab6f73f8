import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Without a range: every dead delivery. With one: every finished delivery of items in it (inclusive). */
export class ReplayDeliveriesDto {
  @ApiPropertyOptional({ description: 'First item id of the range', example: 40 })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromItemId?: number;

  @ApiPropertyOptional({ description: 'Last item id of the range', example: 45 })
  @IsOptional()
  @IsInt()
  @Min(1)
  toItemId?: number;
}
