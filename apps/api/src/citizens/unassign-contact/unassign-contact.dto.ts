import { FactDto } from '../../shared/decide/fact.dto';

/** Only when: the role is in the path and who held it comes from the history. */
export class UnassignContactDto extends FactDto {}
