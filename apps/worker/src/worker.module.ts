import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@hf/projections';
import { ProjectionWorker } from './projection-worker.service';
// [alerts-worker-import]

/** Background work: projections now; alert rules, timers and webhook delivery later. */
@Module({
  imports: [ProjectionsModule],
  providers: [
    ProjectionWorker,
    // [alerts-worker-providers]
  ],
  exports: [ProjectionWorker],
})
export class WorkerModule {}
