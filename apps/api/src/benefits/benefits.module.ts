import { Module } from '@nestjs/common';
import { AgreeEconomyAdministrationController } from './agree-economy-administration/agree-economy-administration.controller';
import { DecideDepositApplicationController } from './decide-deposit-application/decide-deposit-application.controller';
import { EndEconomyAdministrationController } from './end-economy-administration/end-economy-administration.controller';
import { FastTrackDepositApplicationController } from './fast-track-deposit-application/fast-track-deposit-application.controller';
import { RecordDocumentationReceivedController } from './record-documentation-received/record-documentation-received.controller';
import { RequestDocumentationController } from './request-documentation/request-documentation.controller';
import { SubmitDepositApplicationController } from './submit-deposit-application/submit-deposit-application.controller';

/** Benefits (DOMAIN.md §5.5): every write goes through the generic DecideCommand on the `benefits` process. */
@Module({
  controllers: [
    SubmitDepositApplicationController,
    RequestDocumentationController,
    RecordDocumentationReceivedController,
    FastTrackDepositApplicationController,
    DecideDepositApplicationController,
    AgreeEconomyAdministrationController,
    EndEconomyAdministrationController,
  ],
})
export class BenefitsModule {}
