import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

/**
 * A housing offer. Housing First principle 1 (DOMAIN.md §5; 002:L370-375): housing is not conditional on
 * treatment, sobriety or "housing readiness", so this DTO has no such field, and because unknown fields are
 * refused, a sender that tries to attach one (`requiresSobriety`, `housingReadiness`, ...) gets a 400 and
 * nothing is recorded. Principle 4: a past eviction never blocks an offer; nothing here asks about one.
 */
export class RecordHousingOfferDto extends FactDto {
  @ApiProperty({
    description: 'The dwelling, described without address or personal data (shown on the timeline)',
    example: '2-værelses almen bolig, Valby',
  })
  @IsString()
  @Length(3, 200)
  dwelling!: string;

  @ApiProperty({ description: 'Housing association (boligorganisation) or landlord', example: 'fsb' })
  @IsString()
  @Length(1, 120)
  housingAssociation!: string;

  @ApiProperty({ description: 'Monthly rent in kr', example: 5450 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(100000)
  monthlyRentKr!: number;

  @ApiProperty({ description: 'Deposit (depositum) in kr; 0 when there is none', example: 16350 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(500000)
  depositKr!: number;

  @ApiProperty({
    description: 'Lease-signing deadline (YYYY-MM-DD): the offer lapses after it',
    example: '2026-03-20',
  })
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'leaseSigningDeadline must be a date YYYY-MM-DD' })
  leaseSigningDeadline!: string;

  @ApiProperty({ description: 'Expected move-in date (YYYY-MM-DD)', example: '2026-04-01' })
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'expectedMoveIn must be a date YYYY-MM-DD' })
  expectedMoveIn!: string;

  @ApiPropertyOptional({
    description:
      'The municipal allocation request (anvisning, almenboligloven §59) this offer answers, if any',
    example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e03',
  })
  @IsOptional()
  @IsUUID()
  allocationRequestId?: string;
}
