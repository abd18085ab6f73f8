import { Module } from '@nestjs/common';
import { CreateSubscriptionController } from './create-subscription/create-subscription.controller';
import { CreateSubscriptionHandler } from './create-subscription/create-subscription.handler';
import { DeleteSubscriptionController } from './delete-subscription/delete-subscription.controller';
import { ListDeliveriesController } from './list-deliveries/list-deliveries.controller';
import { ListSubscriptionsController } from './list-subscriptions/list-subscriptions.controller';
import { ReplayDeliveriesController } from './replay-deliveries/replay-deliveries.controller';
import { RotateSecretController } from './rotate-secret/rotate-secret.controller';

/** Webhook subscriptions of the caller's own unit; sending is the worker's job (apps/worker/src/webhooks). */
@Module({
  controllers: [
    CreateSubscriptionController,
    ListSubscriptionsController,
    DeleteSubscriptionController,
    RotateSecretController,
    ListDeliveriesController,
    ReplayDeliveriesController,
  ],
  providers: [CreateSubscriptionHandler],
})
export class WebhooksModule {}
