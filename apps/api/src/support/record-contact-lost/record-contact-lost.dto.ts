import { FactDto } from '../../shared/decide/fact.dto';

export class RecordContactLostDto extends FactDto {}
