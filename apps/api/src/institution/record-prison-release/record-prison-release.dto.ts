import { FactDto } from '../../shared/decide/fact.dto';

export class RecordPrisonReleaseDto extends FactDto {}
