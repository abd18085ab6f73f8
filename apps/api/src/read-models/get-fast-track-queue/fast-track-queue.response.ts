import { ApiProperty } from '@nestjs/swagger';
import { DEPOSIT_APPLICATION_KINDS, FAST_TRACK_REASONS } from '@hf/domain/benefits/benefits';

export class QueueDurationResponse {
  @ApiProperty({ description: 'Whole hours', example: 61 }) hours!: number;
  @ApiProperty({ description: 'Whole days', example: 2 }) days!: number;
}

export class TimeToDeadlineResponse extends QueueDurationResponse {
  @ApiProperty({ description: 'The deadline has passed', example: false }) overdue!: boolean;
}

/** No personal data: the citizen appears only by id. */
export class FastTrackQueueItemResponse {
  @ApiProperty({ example: '0195b2d0-8f50-7e9f-8a2b-3c4d5e6f7a8b' }) applicationId!: string;
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ enum: DEPOSIT_APPLICATION_KINDS, example: 'moving-expenses' }) kind!: string;
  @ApiProperty({ example: 'aktivloven §85 stk. 1 og 2' }) legalBasis!: string;
  @ApiProperty({ description: 'Applied amount in kr', example: 14550 }) amountKr!: number;
  @ApiProperty({ example: '101' }) decidingMunicipality!: string;
  @ApiProperty({ example: '2026-03-02T08:00:00.000Z' }) submittedAt!: string;
  @ApiProperty({ example: true }) fastTracked!: boolean;
  @ApiProperty({ example: '2026-03-02T08:20:00.000Z', nullable: true, type: String }) fastTrackedAt!:
    string | null;
  @ApiProperty({ enum: FAST_TRACK_REASONS, example: 'housing-offer-lease-deadline', nullable: true })
  fastTrackReason!: string | null;
  @ApiProperty({ example: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b', nullable: true, type: String })
  linkedOfferId!: string | null;
  @ApiProperty({
    enum: ['offered', 'accepted', 'declined', 'lapsed', 'lease-signed'],
    description: 'State of the linked offer; null when not linked or not known yet',
    example: 'accepted',
    nullable: true,
  })
  offerStatus!: string | null;
  @ApiProperty({
    description: "The earliest known lease-signing deadline: the application's own or its linked offer's",
    example: '2026-03-06',
    nullable: true,
    type: String,
  })
  leaseSigningDeadline!: string | null;
  @ApiProperty({ enum: ['application', 'housing-offer'], example: 'housing-offer', nullable: true })
  deadlineSource!: string | null;
  @ApiProperty({
    description: 'The end of the deadline day (Copenhagen time)',
    example: '2026-03-06T23:00:00.000Z',
    nullable: true,
    type: String,
  })
  deadlineAt!: string | null;
  @ApiProperty({
    type: TimeToDeadlineResponse,
    nullable: true,
    description: 'Hours to the end of the deadline day; days = calendar days from today to the deadline',
  })
  timeToDeadline!: TimeToDeadlineResponse | null;
  @ApiProperty({ type: QueueDurationResponse, description: 'Since the application was submitted' })
  timeInQueue!: QueueDurationResponse;
  @ApiProperty({ description: 'Documentation requested and not yet received', example: 0 })
  documentationOutstanding!: number;
}

export class FastTrackQueueResponse {
  @ApiProperty({ example: '101' }) municipality!: string;
  @ApiProperty({
    description: 'The instant the durations are computed for',
    example: '2026-03-02T10:00:00.000Z',
  })
  asOf!: string;
  @ApiProperty({
    type: [FastTrackQueueItemResponse],
    description:
      'Earliest lease-signing deadline first; applications whose linked offer is not known yet last',
  })
  items!: FastTrackQueueItemResponse[];
  @ApiProperty({
    description: 'Pass as cursor for the next page; null on the last page',
    example: null,
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;
}
