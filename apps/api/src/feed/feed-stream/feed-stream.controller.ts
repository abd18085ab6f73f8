import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@hf/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../../http/openapi';
import { ProblemException } from '../../http/problem';
import { Ctx, header, RequestContext } from '../../http/request-context';
import { GetFeedHandler } from '../get-feed/get-feed.handler';
import { GetFeedParams } from '../get-feed/get-feed.params';
import { FeedStreams } from './feed-streams';

const BATCH = 100;

@ApiTags('webhooks')
@Controller('feed/stream')
export class FeedStreamController {
  constructor(
    private readonly handler: GetFeedHandler,
    private readonly streams: FeedStreams,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The feed as Server-Sent Events',
    description:
      'Each item is an SSE event (`id:` = its cursor, `data:` = the CloudEvent); resume with Last-Event-ID or ' +
      '?after=. Comment lines are sent as heartbeats while idle. The stream ends when the service shuts down.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last cursor received' })
  @ApiProblems(400)
  async stream(
    @Query() params: GetFeedParams,
    @Ctx() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lastEventId = header(request, 'last-event-id');
    if (lastEventId !== undefined && !/^\d{1,18}$/.test(lastEventId))
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        'Last-Event-ID must be a cursor this feed issued',
        {
          errors: [{ pointer: '#/header/last-event-id', detail: 'must be a cursor this feed issued' }],
        },
      );
    let after = BigInt(lastEventId ?? params.after ?? '0');
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
      'x-request-id': request.id,
    });
    let open = true;
    let wake: (() => void) | null = null;
    const close = () => {
      open = false;
      wake?.();
    };
    const untrack = this.streams.add(close);
    raw.on('close', close);
    raw.write(': stream open\n\n');
    let idleSince = Date.now();
    try {
      while (open) {
        const page = await this.handler.execute(ctx, after, BATCH, 'feed-stream');
        for (const item of page.items)
          raw.write(`id: ${item.cursor}\nevent: notification\ndata: ${JSON.stringify(item.event)}\n\n`);
        after = BigInt(page.nextCursor);
        if (page.items.length > 0) idleSince = Date.now();
        if (Date.now() - idleSince >= this.config.webhooks.feedHeartbeatMs) {
          raw.write(': heartbeat\n\n');
          idleSince = Date.now();
        }
        if (page.nextCursor !== undefined && page.items.length === BATCH) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.max(this.config.projectionPollMs, 50));
          function done() {
            clearTimeout(timer);
            wake = null;
            resolve();
          }
          wake = done;
        });
      }
    } catch {
      // The database went away (shutdown) or the client left mid-write: end the stream; the client resumes.
    } finally {
      untrack();
      raw.end();
    }
  }
}
