import { Module } from '@nestjs/common';
import { GrantBreakGlassController } from './grant-break-glass/grant-break-glass.controller';
import { ListAccessLogController } from './list-access-log/list-access-log.controller';

/** Break-glass grants and the citizen's access log: the parts of access control a caseworker uses directly. */
@Module({ controllers: [GrantBreakGlassController, ListAccessLogController] })
export class AccessApiModule {}
