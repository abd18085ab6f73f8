import { FactDto } from '../../shared/decide/fact.dto';

export class EndHospitalLeaveDto extends FactDto {}
