import { FactDto } from '../../shared/decide/fact.dto';

/** occurredAt is when aftercare started: at or after the discharge, within a year of it. */
export class StartAftercareDto extends FactDto {}
