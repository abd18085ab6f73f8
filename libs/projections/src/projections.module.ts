import { Module } from '@nestjs/common';
import { PROJECTIONS } from './projection';
import { CitizenLinksProjection } from './citizen-links/citizen-links.projection';
import { TimelineProjection } from './timeline/timeline.projection';
import { CitizenStatusProjection } from './citizen-status/citizen-status.projection';
import { ShelterStaysProjection } from './shelter-stays/shelter-stays.projection';
import { FastTrackQueueProjection } from './fast-track-queue/fast-track-queue.projection';
import { NotificationItemsProjection } from './notifications/notification-items.projection';
// [alerts-import]

/** The set of read models; the worker runs them and the CLI rebuilds them. */
export function allProjections() {
  return [
    new TimelineProjection(),
    new CitizenLinksProjection(),
    new CitizenStatusProjection(),
    new ShelterStaysProjection(),
    new FastTrackQueueProjection(),
    // items and their webhook outbox rows; its reset keeps them (an outbox is not rebuilt)
    new NotificationItemsProjection(),
    // [alerts-projections]
  ];
}

@Module({
  providers: [{ provide: PROJECTIONS, useFactory: allProjections }],
  exports: [PROJECTIONS],
})
export class ProjectionsModule {}
