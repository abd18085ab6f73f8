import { Module } from '@nestjs/common';
import { AssignJobcentreCaseworkerController } from './assign-jobcentre-caseworker/assign-jobcentre-caseworker.controller';
import { ChangeReadinessCategoryController } from './change-readiness-category/change-readiness-category.controller';
import { FlagSanctionRiskController } from './flag-sanction-risk/flag-sanction-risk.controller';
import { GrantExemptionController } from './grant-exemption/grant-exemption.controller';
import { ImposeSanctionController } from './impose-sanction/impose-sanction.controller';
import { IssueSanctionWarningController } from './issue-sanction-warning/issue-sanction-warning.controller';
import { RecordContactAttemptController } from './record-contact-attempt/record-contact-attempt.controller';
import { RecordMissedMeetingController } from './record-missed-meeting/record-missed-meeting.controller';
import { WithdrawSanctionController } from './withdraw-sanction/withdraw-sanction.controller';

/** Employment (DOMAIN.md §5.7): every write goes through the generic DecideCommand on the `employment` process. */
@Module({
  controllers: [
    AssignJobcentreCaseworkerController,
    RecordMissedMeetingController,
    FlagSanctionRiskController,
    IssueSanctionWarningController,
    RecordContactAttemptController,
    ImposeSanctionController,
    WithdrawSanctionController,
    GrantExemptionController,
    ChangeReadinessCategoryController,
  ],
})
export class EmploymentModule {}
