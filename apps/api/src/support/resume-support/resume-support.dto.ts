import { FactDto } from '../../shared/decide/fact.dto';

export class ResumeSupportDto extends FactDto {}
