import { Module } from '@nestjs/common';
import { AcknowledgeAlertController } from './acknowledge-alert/acknowledge-alert.controller';
import { DecideAlertHandler } from './decide-alert/decide-alert.handler';
import { ListAlertsController } from './list-alerts/list-alerts.controller';
import { ListAlertsHandler } from './list-alerts/list-alerts.handler';
import { ResolveAlertController } from './resolve-alert/resolve-alert.controller';

/** The alert inbox and what people do with alerts; raising, escalating and expiring them is the worker's job. */
@Module({
  controllers: [ListAlertsController, AcknowledgeAlertController, ResolveAlertController],
  providers: [ListAlertsHandler, DecideAlertHandler],
})
export class AlertsModule {}
