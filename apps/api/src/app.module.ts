import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessModule } from '@hf/access';
import { EventStoreModule } from '@hf/event-store';
import { AppConfig, PlatformModule } from '@hf/platform';
import type { Logger } from 'pino';
import { WorkerModule } from '../../worker/src/worker.module';
import { FindCitizenByCprHandler } from './citizens/find-citizen-by-cpr/find-citizen-by-cpr.handler';
import { RegisterCitizenHandler } from './citizens/register-citizen/register-citizen.handler';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { AuthenticationGuard } from './http/authentication.guard';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { RecordShelterAdmissionHandler } from './shelter-stays/record-shelter-admission/record-shelter-admission.handler';
import { RecordShelterDischargeHandler } from './shelter-stays/record-shelter-discharge/record-shelter-discharge.handler';
import { Clock, ClockModule, systemClock } from './shared/clock';
import { IdentityModule } from './identity/identity.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { AlertsModule } from './alerts/alerts.module';
import { AccessApiModule } from './access/access-api.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { FeedModule } from './feed/feed.module';
import { DecideHandler } from './shared/decide/decide.handler';
// Each process module is added on the line marked with its name.
import { PlanModule } from './plan/plan.module';
import { HousingModule } from './housing/housing.module';
import { BenefitsModule } from './benefits/benefits.module';
import { EmploymentModule } from './employment/employment.module';
import { SupportModule } from './support/support.module';
import { InstitutionModule } from './institution/institution.module';
import { CitizensModule } from './citizens/citizens.module';
import { GetTimelineController } from './timeline/get-timeline/get-timeline.controller';
import { GetTimelineHandler } from './timeline/get-timeline/get-timeline.handler';

export interface ApiModuleOptions {
  config: AppConfig;
  logger: Logger;
  /** run the worker in this process too (development, tests, small deployments) */
  withWorker: boolean;
  clock?: Clock;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(options.config, options.logger),
        EventStoreModule,
        AccessModule,
        CqrsModule.forRoot(),
        ...(options.withWorker ? [WorkerModule] : []),
        ClockModule.forRoot(options.clock ?? systemClock),
        IdentityModule,
        ReadModelsModule,
        AlertsModule,
        AccessApiModule,
        WebhooksModule,
        FeedModule,
        PlanModule,
        HousingModule,
        BenefitsModule,
        EmploymentModule,
        SupportModule,
        InstitutionModule,
        CitizensModule,
      ],
      controllers: [HealthController, MetricsController, GetTimelineController],
      providers: [
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        DecideHandler,
        RegisterCitizenHandler,
        FindCitizenByCprHandler,
        RecordShelterAdmissionHandler,
        RecordShelterDischargeHandler,
        GetTimelineHandler,
      ],
    };
  }
}
