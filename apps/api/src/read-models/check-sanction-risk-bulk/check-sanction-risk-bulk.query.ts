import { RequestContext } from '../../http/request-context';

export class CheckSanctionRiskBulkQuery {
  constructor(
    readonly citizenIds: readonly string[],
    readonly ctx: RequestContext,
  ) {}
}
