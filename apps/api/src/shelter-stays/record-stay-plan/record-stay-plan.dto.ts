import { FactDto } from '../../shared/decide/fact.dto';

/** occurredAt is when the plan was made; the plan itself stays in the shelter's own records. */
export class RecordStayPlanDto extends FactDto {}
