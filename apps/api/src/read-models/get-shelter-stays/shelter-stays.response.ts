import { ApiProperty } from '@nestjs/swagger';
import { SHELTER_DISCHARGE_DESTINATIONS } from '@hf/domain';

export class RefundLimitResponse {
  @ApiProperty({ description: 'Stays admitted on or after this date get this limit', example: '2026-04-01' })
  effectiveFrom!: string;
  @ApiProperty({ example: 90 }) days!: number;
  @ApiProperty({ example: 'from 1 April 2026: 90 days per rolling year' }) source!: string;
}

export class RefundClockResponse {
  @ApiProperty({
    description: "The clock is read on the stay's last day: its discharge date, or today while it is open",
    example: '2026-03-02',
  })
  referenceDate!: string;
  @ApiProperty({
    description: 'First day of the rolling year (365 days back from the reference date)',
    example: '2025-03-02',
  })
  windowStart!: string;
  @ApiProperty({
    description: "Shelter days (nights) in the rolling year, over all of the person's stays",
    example: 47,
  })
  daysUsedInRollingYear!: number;
  @ApiProperty({ description: "The limit that applies by the stay's admission date", example: 120 })
  limitDays!: number;
  @ApiProperty({ example: '0001-01-01' }) limitEffectiveFrom!: string;
  @ApiProperty({ description: 'Limit minus days used; negative once passed', example: 73 }) daysLeft!: number;
  @ApiProperty({ example: false }) exceeded!: boolean;
}

export class ShelterStayResponse {
  @ApiProperty({ example: '0195b2d0-5c2d-7e9f-8a2b-3c4d5e6f7a8b' }) stayId!: string;
  @ApiProperty({
    description: 'The record the stay was recorded on (differs for a linked record)',
    example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a',
  })
  recordId!: string;
  @ApiProperty({ example: 'shelter-kollegiet-sct-nicolai' }) shelterId!: string;
  @ApiProperty({ example: 'Kollegiet Sct. Nicolai' }) shelterName!: string;
  @ApiProperty({ example: '101' }) municipalityOfStay!: string;
  @ApiProperty({ example: '101' }) handlekommune!: string;
  @ApiProperty({ enum: ['self-referred', 'referred'], example: 'referred' }) referral!: string;
  @ApiProperty({ example: '2026-01-14T14:00:00.000Z' }) admittedAt!: string;
  @ApiProperty({ example: '2026-01-14' }) admittedOn!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) dischargedAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) dischargedOn!: string | null;
  @ApiProperty({ example: true }) open!: boolean;
  @ApiProperty({ description: 'Nights: up to the discharge, or up to last night while open', example: 47 })
  days!: number;
  @ApiProperty({ enum: SHELTER_DISCHARGE_DESTINATIONS, example: null, nullable: true }) destination!:
    string | null;
  @ApiProperty({ example: null, nullable: true, type: Boolean }) plannedDischarge!: boolean | null;
  @ApiProperty({
    description: '§110 stk. 6 notice to the handlekommune',
    example: '2026-01-15T08:30:00.000Z',
    nullable: true,
    type: String,
  })
  handlekommuneNotifiedAt!: string | null;
  @ApiProperty({ type: RefundClockResponse }) refundClock!: RefundClockResponse;
}

export class ShelterStaysResponse {
  @ApiProperty({ example: '0193a4c2-1111-7d4e-8f5a-6b7c8d9e0f1a' }) citizenId!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: [RefundLimitResponse], description: 'The refund limit table (configurable data)' })
  refundLimits!: RefundLimitResponse[];
  @ApiProperty({ type: [ShelterStayResponse], description: 'Admission order, linked records included' })
  stays!: ShelterStayResponse[];
}
