import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const FEED_MAX_LIMIT = 200;

export class GetFeedParams {
  @ApiPropertyOptional({
    description:
      "Items after this cursor (the `nextCursor` of the previous page, or an item's `cursor`); omitted = from the start",
    example: '42',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'after must be a cursor this feed issued' })
  after?: string;

  @ApiPropertyOptional({ description: `Items per page (1-${FEED_MAX_LIMIT})`, example: 50, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FEED_MAX_LIMIT)
  limit?: number;
}
