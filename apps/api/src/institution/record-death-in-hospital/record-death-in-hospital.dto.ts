import { FactDto } from '../../shared/decide/fact.dto';

export class RecordDeathInHospitalDto extends FactDto {}
