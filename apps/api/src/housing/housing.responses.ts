import { ApiProperty } from '@nestjs/swagger';

/** What every housing write answers: the types of the events that were appended, in order. */
export class HousingRecordedResponse {
  @ApiProperty({ type: [String], example: ['HousingOfferAccepted'] })
  recorded!: string[];
}

export class AllocationRequestedResponse extends HousingRecordedResponse {
  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e03' })
  allocationRequestId!: string;
}

export class HousingOfferedResponse extends HousingRecordedResponse {
  @ApiProperty({ example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e04' })
  offerId!: string;
}
