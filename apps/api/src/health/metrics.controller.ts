import { Public } from '../http/authentication.guard';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { PG_POOL } from '@hf/platform';
import { projectionLag, reportedProjectionNames } from '@hf/projections';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

const PROJECTION_NAMES = reportedProjectionNames();

/** Prometheus metrics: process figures and how far each read model trails the event log. */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(@Inject(PG_POOL) pool: Pool, @Inject(EVENT_STORE) store: EventStore) {
    collectDefaultMetrics({ register: this.registry, prefix: 'hf_' });
    const behind = new Gauge({
      name: 'hf_projection_lag_events',
      help: 'Committed events a projection has not applied yet',
      labelNames: ['projection'],
      registers: [this.registry],
    });
    const seconds = new Gauge({
      name: 'hf_projection_lag_seconds',
      help: 'Age of the oldest event a projection has not applied yet',
      labelNames: ['projection'],
      registers: [this.registry],
    });
    // Read when Prometheus scrapes, not on a timer of our own.
    this.refresh = async () => {
      for (const lag of await projectionLag(pool, store, PROJECTION_NAMES, new Date())) {
        behind.set({ projection: lag.projection }, lag.behindEvents);
        seconds.set({ projection: lag.projection }, lag.lagSeconds);
      }
    };
  }

  private readonly refresh: () => Promise<void>;

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics, including projection lag per read model' })
  @ApiOkResponse({ description: 'Prometheus text format' })
  async metrics(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }
}
