import { Module } from '@nestjs/common';
import { PROJECTIONS } from './projection';
import { CitizenLinksProjection } from './citizen-links/citizen-links.projection';
import { TimelineProjection } from './timeline/timeline.projection';
// [read-models-import]
// [alerts-import]

/** The set of read models; the worker runs them and the CLI rebuilds them. */
export function allProjections() {
  return [
    new TimelineProjection(),
    new CitizenLinksProjection(),
    // [read-models-projections]
    // [alerts-projections]
  ];
}

@Module({
  providers: [{ provide: PROJECTIONS, useFactory: allProjections }],
  exports: [PROJECTIONS],
})
export class ProjectionsModule {}
