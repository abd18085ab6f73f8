import { RequestContext } from '../../http/request-context';
import { EraseCitizenPersonalDataDto } from './erase-citizen-personal-data.dto';

export class EraseCitizenPersonalDataCommand {
  constructor(
    readonly citizenId: string,
    readonly dto: EraseCitizenPersonalDataDto,
    readonly ctx: RequestContext,
  ) {}
}
