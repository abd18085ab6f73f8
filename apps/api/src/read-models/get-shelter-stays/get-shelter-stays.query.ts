import { RequestContext } from '../../http/request-context';

export class GetShelterStaysQuery {
  constructor(
    readonly citizenId: string,
    readonly ctx: RequestContext,
  ) {}
}
