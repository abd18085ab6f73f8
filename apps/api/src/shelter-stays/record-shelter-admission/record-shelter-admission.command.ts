import { RequestContext } from '../../http/request-context';
import { RecordShelterAdmissionDto } from './record-shelter-admission.dto';

export class RecordShelterAdmissionCommand {
  constructor(
    readonly citizenId: string,
    readonly dto: RecordShelterAdmissionDto,
    readonly ctx: RequestContext,
  ) {}
}
