import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@hf/projections';
import { ProjectionWorker } from './projection-worker.service';
import { AlertsWorker } from './alerts/alerts-worker.service';

/** Background work: projections now; alert rules, timers and webhook delivery later. */
@Module({
  imports: [ProjectionsModule],
  providers: [
    ProjectionWorker,
    AlertsWorker, // alerts: the alert engine, the alert inbox and durable timers, on a pool of their own
  ],
  exports: [ProjectionWorker],
})
export class WorkerModule {}
