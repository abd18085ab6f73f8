import { FactDto } from '../../shared/decide/fact.dto';

export class StartSupportDto extends FactDto {}
