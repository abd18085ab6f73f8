import { RequestContext } from '../../http/request-context';

export class FindCitizenByCprQuery {
  constructor(
    readonly cpr: string,
    readonly ctx: RequestContext,
  ) {}
}
