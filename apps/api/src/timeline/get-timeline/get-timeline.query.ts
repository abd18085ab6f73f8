import { RequestContext } from '../../http/request-context';

export class GetTimelineQuery {
  constructor(
    readonly citizenId: string,
    readonly ctx: RequestContext,
    /** only entries recorded by then */
    readonly knownAt?: Date,
    /** only entries that occurred by then */
    readonly validAt?: Date,
  ) {}
}
