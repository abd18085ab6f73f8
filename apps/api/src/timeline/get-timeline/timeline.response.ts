import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_CATEGORIES, EventCategory } from '@hf/domain';

export class TimelineEntryResponse {
  @ApiProperty({ example: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a' }) eventId!: string;
  @ApiProperty({
    description: 'The record the entry belongs to (differs for linked records)',
    example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a',
  })
  citizenId!: string;
  @ApiProperty({ example: 'ShelterAdmissionRecorded' }) type!: string;
  @ApiProperty({
    description: 'Visibility category of the event (DOMAIN.md §3); the access policy filters by it',
    enum: CONSENT_CATEGORIES,
    example: 'shelter',
  })
  category!: EventCategory;
  @ApiProperty({ description: 'When it happened in the world', example: '2026-03-02T20:40:00.000Z' })
  occurredAt!: string;
  @ApiProperty({ description: 'When the system learnt it', example: '2026-03-03T08:05:12.345Z' })
  recordedAt!: string;
  @ApiProperty({ example: 'Admitted to §110 shelter Kollegiet Sct. Nicolai (København), self-referred' })
  summary!: string;
}

export class TimelineResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({
    description: 'The knownAt the timeline was read at (only entries recorded by then); null = as known now',
    example: '2026-03-03T12:00:00.000Z',
    nullable: true,
    type: String,
  })
  knownAt!: string | null;
  @ApiProperty({
    description:
      'The validAt the timeline was read at (only entries that occurred by then); null = everything',
    example: null,
    nullable: true,
    type: String,
  })
  validAt!: string | null;
  @ApiProperty({ type: [TimelineEntryResponse], description: 'In occurredAt order' })
  entries!: TimelineEntryResponse[];
}
