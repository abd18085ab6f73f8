import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@hf/projections';
import { ProjectionWorker } from './projection-worker.service';
import { AlertsWorker } from './alerts/alerts-worker.service';
import { WebhooksWorker } from './webhooks/webhooks-worker.service';

/** Background work: projections, alert rules and timers, and webhook delivery. */
@Module({
  imports: [ProjectionsModule],
  providers: [
    ProjectionWorker,
    AlertsWorker, // alerts: the alert engine, the alert inbox and durable timers, on a pool of their own
    WebhooksWorker, // the webhook dispatcher, on a pool of its own
  ],
  exports: [ProjectionWorker, WebhooksWorker],
})
export class WorkerModule {}
