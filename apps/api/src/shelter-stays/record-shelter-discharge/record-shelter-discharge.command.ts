import { RequestContext } from '../../http/request-context';
import { RecordShelterDischargeDto } from './record-shelter-discharge.dto';

export class RecordShelterDischargeCommand {
  constructor(
    readonly citizenId: string,
    readonly stayId: string,
    readonly dto: RecordShelterDischargeDto,
    readonly ctx: RequestContext,
  ) {}
}
