import { Module } from '@nestjs/common';
import { AcceptHousingOfferController } from './accept-housing-offer/accept-housing-offer.controller';
import { DeclineHousingOfferController } from './decline-housing-offer/decline-housing-offer.controller';
import { EndTenancyController } from './end-tenancy/end-tenancy.controller';
import { RecordEvictionAvertedController } from './record-eviction-averted/record-eviction-averted.controller';
import { RecordEvictionExecutedController } from './record-eviction-executed/record-eviction-executed.controller';
import { RecordEvictionNoticeController } from './record-eviction-notice/record-eviction-notice.controller';
import { RecordHousingOfferLapsedController } from './record-housing-offer-lapsed/record-housing-offer-lapsed.controller';
import { RecordHousingOfferController } from './record-housing-offer/record-housing-offer.controller';
import { RecordMoveInController } from './record-move-in/record-move-in.controller';
import { RegisterOnWaitingListController } from './register-on-waiting-list/register-on-waiting-list.controller';
import { ReportRentArrearsController } from './report-rent-arrears/report-rent-arrears.controller';
import { RequestAllocationController } from './request-allocation/request-allocation.controller';
import { SignLeaseController } from './sign-lease/sign-lease.controller';

/** Housing (DOMAIN.md §5.4): waiting lists, allocation, offers, lease, move-in and the tenancy. */
@Module({
  controllers: [
    RegisterOnWaitingListController,
    RequestAllocationController,
    RecordHousingOfferController,
    AcceptHousingOfferController,
    DeclineHousingOfferController,
    RecordHousingOfferLapsedController,
    SignLeaseController,
    RecordMoveInController,
    ReportRentArrearsController,
    RecordEvictionNoticeController,
    RecordEvictionAvertedController,
    RecordEvictionExecutedController,
    EndTenancyController,
  ],
})
export class HousingModule {}
