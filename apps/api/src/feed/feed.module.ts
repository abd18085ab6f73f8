import { Module } from '@nestjs/common';
import { FeedStreamController } from './feed-stream/feed-stream.controller';
import { FeedStreams } from './feed-stream/feed-streams';
import { GetFeedController } from './get-feed/get-feed.controller';
import { GetFeedHandler } from './get-feed/get-feed.handler';

/** The pull side of notifications: the same items as webhooks, for units without an endpoint. */
@Module({
  controllers: [GetFeedController, FeedStreamController],
  providers: [GetFeedHandler, FeedStreams],
})
export class FeedModule {}
