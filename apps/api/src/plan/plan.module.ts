import { Module } from '@nestjs/common';
import { CompleteAssessmentController } from './complete-assessment/complete-assessment.controller';
import { DeclineActionPlanController } from './decline-action-plan/decline-action-plan.controller';
import { FollowUpActionPlanController } from './follow-up-action-plan/follow-up-action-plan.controller';
import { MakeActionPlanController } from './make-action-plan/make-action-plan.controller';
import { OfferActionPlanController } from './offer-action-plan/offer-action-plan.controller';
import { RecordWaitingPeriodPlanController } from './record-waiting-period-plan/record-waiting-period-plan.controller';
import { StartAssessmentController } from './start-assessment/start-assessment.controller';

/** Plan & assessment (DOMAIN.md §5.3): VUM assessments, §141 action plans, waiting-period plans. */
@Module({
  controllers: [
    StartAssessmentController,
    CompleteAssessmentController,
    OfferActionPlanController,
    DeclineActionPlanController,
    MakeActionPlanController,
    FollowUpActionPlanController,
    RecordWaitingPeriodPlanController,
  ],
})
export class PlanModule {}
