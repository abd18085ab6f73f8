import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Base of every DTO that records a fact: when it happened, if earlier than now (late reports are common). */
export class FactDto {
  @ApiPropertyOptional({
    description:
      'When it happened in the world (ISO 8601 with offset); defaults to now. At most 5 minutes ahead.',
    example: '2026-03-02T09:15:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export function occurredAt(dto: FactDto, now: Date): Date {
  return dto.occurredAt ? new Date(dto.occurredAt) : now;
}
