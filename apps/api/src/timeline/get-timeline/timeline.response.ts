import { ApiProperty } from '@nestjs/swagger';

export class TimelineEntryResponse {
  @ApiProperty({ example: '0193a4c2-9b3c-7d4e-8f5a-6b7c8d9e0f1a' }) eventId!: string;
  @ApiProperty({ description: 'The record the entry belongs to (differs for linked records)' })
  citizenId!: string;
  @ApiProperty({ example: 'ShelterAdmissionRecorded' }) type!: string;
  @ApiProperty({ description: 'When it happened in the world', example: '2026-03-02T20:40:00.000Z' })
  occurredAt!: string;
  @ApiProperty({ description: 'When the system learnt it', example: '2026-03-03T08:05:12.345Z' })
  recordedAt!: string;
  @ApiProperty({ example: 'Admitted to §110 shelter Kollegiet Sct. Nicolai (København), self-referred' })
  summary!: string;
}

export class TimelineResponse {
  @ApiProperty() citizenId!: string;
  @ApiProperty({ type: [TimelineEntryResponse], description: 'In occurredAt order' })
  entries!: TimelineEntryResponse[];
}
