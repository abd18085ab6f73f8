import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsMunicipalityCode } from '../../http/validators';

export const FAST_TRACK_QUEUE_DEFAULT_LIMIT = 50;
export const FAST_TRACK_QUEUE_MAX_LIMIT = 200;

export class GetFastTrackQueueParams {
  @ApiProperty({
    description:
      'Kommunekode of the deciding municipality (for moving expenses: the one the citizen moves to)',
    example: '101',
  })
  @IsMunicipalityCode()
  municipality!: string;

  @ApiPropertyOptional({
    description: `Page size (1-${FAST_TRACK_QUEUE_MAX_LIMIT})`,
    default: FAST_TRACK_QUEUE_DEFAULT_LIMIT,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FAST_TRACK_QUEUE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page; absent for the first page',
    example: 'eyJkZWFkbGluZSI6IjIwMjYtMDMtMDYiLCJzdWJtaXR0ZWRBdCI6IjIwMjYtMDMtMDJUMDg6MDA6MDAuMDAwWiJ9',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
