import { Module } from '@nestjs/common';
import { AcknowledgeNoticeController } from './acknowledge-notice/acknowledge-notice.controller';
import { EndHospitalLeaveController } from './end-hospital-leave/end-hospital-leave.controller';
import { PlanHospitalDischargeController } from './plan-hospital-discharge/plan-hospital-discharge.controller';
import { RecordDeathInHospitalController } from './record-death-in-hospital/record-death-in-hospital.controller';
import { RecordHospitalAdmissionController } from './record-hospital-admission/record-hospital-admission.controller';
import { RecordHospitalDischargeController } from './record-hospital-discharge/record-hospital-discharge.controller';
import { ReceiveHospitalNotificationController } from './receive-hospital-notification/receive-hospital-notification.controller';
import { ReceiveDischargeNoticeController } from './receive-discharge-notice/receive-discharge-notice.controller';
import { RecordPrisonIntakeController } from './record-prison-intake/record-prison-intake.controller';
import { RecordPrisonReleaseController } from './record-prison-release/record-prison-release.controller';
import { SchedulePrisonReleaseController } from './schedule-prison-release/schedule-prison-release.controller';
import { StartHospitalLeaveController } from './start-hospital-leave/start-hospital-leave.controller';

/**
 * Hospital, psychiatry and prison transitions. Admissions and intakes pause the citizen's support, discharges
 * and releases resume it (see support-coordination.ts); everything goes through the generic DecideHandler.
 */
@Module({
  controllers: [
    RecordHospitalAdmissionController,
    StartHospitalLeaveController,
    EndHospitalLeaveController,
    PlanHospitalDischargeController,
    RecordHospitalDischargeController,
    RecordDeathInHospitalController,
    RecordPrisonIntakeController,
    SchedulePrisonReleaseController,
    RecordPrisonReleaseController,
    AcknowledgeNoticeController,
    ReceiveHospitalNotificationController,
    ReceiveDischargeNoticeController,
  ],
})
export class InstitutionModule {}
