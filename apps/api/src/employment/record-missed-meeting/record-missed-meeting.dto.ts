import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_KINDS, MeetingKind } from '@hf/domain/employment/employment';
import { IsDateString, IsIn, IsOptional, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class RecordMissedMeetingDto extends FactDto {
  @ApiProperty({ description: 'Date of the missed meeting (YYYY-MM-DD)', example: '2026-02-16' })
  @IsDateString({ strict: true })
  @Length(10, 10)
  meetingDate!: string;

  @ApiPropertyOptional({ enum: MEETING_KINDS, default: 'job-interview', example: 'job-interview' })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  meetingKind?: MeetingKind;
}
