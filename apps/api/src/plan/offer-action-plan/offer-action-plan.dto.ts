import { FactDto } from '../../shared/decide/fact.dto';

/** Offering a §141 plan is a fact with no details beyond when it happened. */
export class OfferActionPlanDto extends FactDto {}
