import { Public } from '../http/authentication.guard';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { APP_CONFIG, AppConfig, Database, isShuttingDown, MIGRATIONS } from '@hf/platform';
import { ProjectionLag, projectionLag, reportedProjectionNames } from '@hf/projections';
import { ProblemException } from '../http/problem';

interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { live: boolean; database: boolean; schema: boolean; projections: boolean };
  projections: ProjectionLag[];
}

const PROJECTION_NAMES = reportedProjectionNames();

/** Liveness says the process runs; readiness says it can serve (database reachable, schema current). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness together' })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready (problem+json with the failing checks)' })
  async health(): Promise<HealthReport> {
    return this.ready();
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database reachable and migrated, read models not too far behind the log',
  })
  async ready(): Promise<HealthReport> {
    // A replica that is shutting down still answers requests, but must get no new ones.
    if (isShuttingDown())
      throw ProblemException.of(503, 'not-ready', 'Service not ready', 'Shutting down', {
        shuttingDown: true,
      });
    const database = await this.database.ping();
    const schema = database && (await this.schemaCurrent());
    const lags = schema
      ? await projectionLag(this.database.pool, this.store, PROJECTION_NAMES, new Date())
      : [];
    const projections =
      schema && lags.every((lag) => lag.lagSeconds <= this.config.projectionLagReadySeconds);
    const report: HealthReport = {
      status: database && schema && projections ? 'ok' : 'unavailable',
      checks: { live: true, database, schema, projections },
      projections: lags,
    };
    if (report.status !== 'ok') {
      throw ProblemException.of(503, 'not-ready', 'Service not ready', 'A readiness check failed', {
        checks: report.checks,
        projections: report.projections,
      });
    }
    return report;
  }

  private async schemaCurrent(): Promise<boolean> {
    try {
      const { rows } = await this.database.pool.query<{ version: number }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      return rows[0]?.version === Math.max(...MIGRATIONS.map((m) => m.version));
    } catch {
      return false;
    }
  }
}
