import { ApiProperty } from '@nestjs/swagger';

/** What every write of the citizen and shelter-stay processes answers: the event types it appended. */
export class RecordedResponse {
  @ApiProperty({ description: 'Types of the appended events, in order', example: ['HandlekommuneChanged'] })
  recorded!: string[];
}
