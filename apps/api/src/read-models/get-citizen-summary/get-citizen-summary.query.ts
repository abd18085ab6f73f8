import { RequestContext } from '../../http/request-context';

export class GetCitizenSummaryQuery {
  constructor(
    readonly citizenId: string,
    readonly ctx: RequestContext,
  ) {}
}
