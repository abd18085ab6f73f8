import { RequestContext } from '../../http/request-context';

export class GetTimelineQuery {
  constructor(
    readonly citizenId: string,
    readonly ctx: RequestContext,
  ) {}
}
