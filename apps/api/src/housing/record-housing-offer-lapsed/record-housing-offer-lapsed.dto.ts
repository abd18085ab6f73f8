import { OfferLossDto } from '../offer-loss.dto';

export class RecordHousingOfferLapsedDto extends OfferLossDto {}
