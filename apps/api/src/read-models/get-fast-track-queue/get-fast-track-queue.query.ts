import { RequestContext } from '../../http/request-context';
import type { FastTrackQueueCursor } from '@hf/projections/fast-track-queue/fast-track-queue.read';

export class GetFastTrackQueueQuery {
  constructor(
    readonly municipality: string,
    readonly limit: number,
    readonly after: FastTrackQueueCursor | null,
    readonly ctx: RequestContext,
  ) {}
}
