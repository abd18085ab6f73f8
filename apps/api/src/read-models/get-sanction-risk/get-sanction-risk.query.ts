import { RequestContext } from '../../http/request-context';

export class GetSanctionRiskQuery {
  constructor(
    readonly citizenId: string,
    readonly ctx: RequestContext,
  ) {}
}
