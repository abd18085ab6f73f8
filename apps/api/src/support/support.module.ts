import { Module } from '@nestjs/common';
import { AdjustSupportIntensityController } from './adjust-support-intensity/adjust-support-intensity.controller';
import { AdvanceCtiPhaseController } from './advance-cti-phase/advance-cti-phase.controller';
import { DecideSupportController } from './decide-support/decide-support.controller';
import { EndSupportController } from './end-support/end-support.controller';
import { PauseSupportController } from './pause-support/pause-support.controller';
import { RecordContactAttemptController } from './record-contact-attempt/record-contact-attempt.controller';
import { RecordContactLostController } from './record-contact-lost/record-contact-lost.controller';
import { RecordContactRestoredController } from './record-contact-restored/record-contact-restored.controller';
import { ResumeSupportController } from './resume-support/resume-support.controller';
import { StartSupportController } from './start-support/start-support.controller';

/** Support courses (§85, §85a, aftercare); every write goes through the generic DecideHandler. */
@Module({
  controllers: [
    DecideSupportController,
    StartSupportController,
    AdvanceCtiPhaseController,
    AdjustSupportIntensityController,
    RecordContactAttemptController,
    RecordContactLostController,
    RecordContactRestoredController,
    PauseSupportController,
    ResumeSupportController,
    EndSupportController,
  ],
})
export class SupportModule {}
