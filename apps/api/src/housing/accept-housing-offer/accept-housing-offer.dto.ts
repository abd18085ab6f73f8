import { FactDto } from '../../shared/decide/fact.dto';

/** Accepting an offer is a fact with no details beyond when it happened. */
export class AcceptHousingOfferDto extends FactDto {}
