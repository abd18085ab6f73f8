import { ApiProperty } from '@nestjs/swagger';
import { OFFER_LOSS_REASONS, OfferLossReason } from '@hf/domain/housing/housing';
import { IsIn } from 'class-validator';
import { FactDto } from '../shared/decide/fact.dto';

/** Base of declining and lapsing: why the offer was lost (alert A14 keys on benefits and debt reasons). */
export class OfferLossDto extends FactDto {
  @ApiProperty({
    description:
      'Why the offer was lost: too-expensive, debt (e.g. old rent arrears with the association), ' +
      'flexible-letting-rule (fleksibel udlejning), citizen-declined, benefits-processing-time (the deposit ' +
      'decision came too late), other',
    enum: OFFER_LOSS_REASONS,
    example: 'benefits-processing-time',
  })
  @IsIn(OFFER_LOSS_REASONS)
  reason!: OfferLossReason;
}
