import { Module } from '@nestjs/common';
import { CheckSanctionRiskBulkController } from './check-sanction-risk-bulk/check-sanction-risk-bulk.controller';
import { CheckSanctionRiskBulkHandler } from './check-sanction-risk-bulk/check-sanction-risk-bulk.handler';
import { GetCitizenSummaryController } from './get-citizen-summary/get-citizen-summary.controller';
import { GetCitizenSummaryHandler } from './get-citizen-summary/get-citizen-summary.handler';
import { GetFastTrackQueueController } from './get-fast-track-queue/get-fast-track-queue.controller';
import { GetFastTrackQueueHandler } from './get-fast-track-queue/get-fast-track-queue.handler';
import { GetSanctionRiskController } from './get-sanction-risk/get-sanction-risk.controller';
import { GetSanctionRiskHandler } from './get-sanction-risk/get-sanction-risk.handler';
import { GetShelterStaysController } from './get-shelter-stays/get-shelter-stays.controller';
import { GetShelterStaysHandler } from './get-shelter-stays/get-shelter-stays.handler';

/**
 * Read models beyond the timeline: the citizen summary, the sanction-risk check (single and bulk), the benefits
 * fast-track queue and the shelter stays with their refund clock. Each query goes through the QueryBus, and each
 * handler passes AccessPolicy.authorizeRead for every citizen it reads. The timeline's controller and handler
 * are registered by the ApiModule itself.
 */
@Module({
  controllers: [
    GetCitizenSummaryController,
    GetSanctionRiskController,
    CheckSanctionRiskBulkController,
    GetFastTrackQueueController,
    GetShelterStaysController,
  ],
  providers: [
    GetCitizenSummaryHandler,
    GetSanctionRiskHandler,
    CheckSanctionRiskBulkHandler,
    GetFastTrackQueueHandler,
    GetShelterStaysHandler,
  ],
})
export class ReadModelsModule {}
