import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FactDto } from '../shared/decide/fact.dto';

/**
 * Base of the tenancy facts (move-in, arrears, eviction, end). A tenancy is named by the offer whose lease
 * created it; the offerId may be left out while the citizen has only one tenancy it can be about.
 */
export class TenancyFactDto extends FactDto {
  @ApiPropertyOptional({
    description:
      'The offer whose lease the tenancy rests on. Needed only when the citizen has two current tenancies ' +
      '(e.g. a transitional flat and a new permanent home): otherwise 422 tenancy-ambiguous.',
    example: '0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e04',
  })
  @IsOptional()
  @IsUUID()
  offerId?: string;
}
