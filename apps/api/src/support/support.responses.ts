import { ApiProperty } from '@nestjs/swagger';

/** What every support write answers: the types of the events it appended (none when it changed nothing). */
export class RecordedResponse {
  @ApiProperty({ type: [String], example: ['SupportPaused'] })
  recorded!: string[];
}

export class SupportCourseResponse {
  @ApiProperty({ type: [String], example: ['SupportDecided'] })
  recorded!: string[];

  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  supportId!: string;
}
