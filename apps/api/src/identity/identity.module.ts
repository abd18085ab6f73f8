import { Module } from '@nestjs/common';
import { LinkCitizenRecordsController } from './link-citizen-records/link-citizen-records.controller';
import { RecordLinkExecutor } from './record-link.executor';
import { UnlinkCitizenRecordsController } from './unlink-citizen-records/unlink-citizen-records.controller';

@Module({
  controllers: [LinkCitizenRecordsController, UnlinkCitizenRecordsController],
  providers: [RecordLinkExecutor],
})
export class IdentityModule {}
