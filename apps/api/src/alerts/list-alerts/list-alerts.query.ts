import type { InboxFilter } from '@hf/projections/alerts';
import { RequestContext } from '../../http/request-context';

export class ListAlertsQuery {
  constructor(
    readonly filter: InboxFilter,
    readonly ctx: RequestContext,
  ) {}
}
