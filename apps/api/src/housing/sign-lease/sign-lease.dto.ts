import { ApiProperty } from '@nestjs/swagger';
import { LEASE_TYPES, LeaseType } from '@hf/domain/housing/housing';
import { IsDateString, IsIn, Length } from 'class-validator';
import { FactDto } from '../../shared/decide/fact.dto';

export class SignLeaseDto extends FactDto {
  @ApiProperty({
    description:
      'permanent: an open-ended lease (tidsubestemt lejekontrakt), which ends homelessness; transitional: ' +
      'e.g. an udslusningsbolig, which does not',
    enum: LEASE_TYPES,
    example: 'permanent',
  })
  @IsIn(LEASE_TYPES)
  leaseType!: LeaseType;

  @ApiProperty({ description: 'The day the lease takes effect (YYYY-MM-DD)', example: '2026-04-01' })
  @IsDateString({ strict: true })
  @Length(10, 10, { message: 'leaseStartsOn must be a date YYYY-MM-DD' })
  leaseStartsOn!: string;
}
