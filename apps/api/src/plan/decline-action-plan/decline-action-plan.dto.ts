import { FactDto } from '../../shared/decide/fact.dto';

/** The citizen's "no" needs no reason recorded here; the caseworker notes it in the case system. */
export class DeclineActionPlanDto extends FactDto {}
