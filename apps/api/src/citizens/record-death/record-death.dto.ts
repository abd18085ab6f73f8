import { FactDto } from '../../shared/decide/fact.dto';

/** occurredAt is the time of death (defaults to now, for a death reported as it happens). */
export class RecordDeathDto extends FactDto {}
