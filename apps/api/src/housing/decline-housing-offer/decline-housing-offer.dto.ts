import { OfferLossDto } from '../offer-loss.dto';

export class DeclineHousingOfferDto extends OfferLossDto {}
