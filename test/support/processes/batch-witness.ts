import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '../../../libs/event-store/src';
import { Projection, PROJECTIONS, ProjectionsModule } from '../../../libs/projections/src';
import { AlertsWorker } from '../../../apps/worker/src/alerts/alerts-worker.service';

/**
 * Two records of each projection batch. `witnessed_batches` is written inside the batch's own transaction, so a
 * batch that rolls back (its worker killed mid-batch, or its checkpoint moved under it) leaves no record, exactly as
 * it leaves no read-model change. `witnessed_attempts` is written on a connection of its own, outside the batch, as
 * the worker enters apply and leaves it: it shows every attempt, rolled back or not, so two workers inside one
 * projection at once are seen even when the checkpoint's compare-and-set would later roll one of them back.
 */
export const BATCHES_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS witnessed_attempts (
    token uuid PRIMARY KEY,
    pid int NOT NULL,
    projection text NOT NULL,
    started_at timestamptz NOT NULL,
    applied_at timestamptz
  );
  CREATE TABLE IF NOT EXISTS witnessed_batches (
    token uuid NOT NULL,
    pid int NOT NULL,
    projection text NOT NULL,
    first_position bigint NOT NULL,
    last_position bigint NOT NULL,
    events int NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at timestamptz NOT NULL
  )`;

export interface WitnessedBatch {
  pid: number;
  projection: string;
  firstPosition: bigint;
  lastPosition: bigint;
  events: number;
  startedAt: Date;
  endedAt: Date;
}

export async function witnessedBatches(pool: Pool): Promise<WitnessedBatch[]> {
  const { rows } = await pool.query<{
    pid: number;
    projection: string;
    first_position: string;
    last_position: string;
    events: number;
    started_at: Date;
    ended_at: Date;
  }>('SELECT * FROM witnessed_batches ORDER BY projection, started_at');
  return rows.map((r) => ({
    pid: r.pid,
    projection: r.projection,
    firstPosition: BigInt(r.first_position),
    lastPosition: BigInt(r.last_position),
    events: r.events,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  }));
}

export interface WitnessedAttempt {
  pid: number;
  projection: string;
  startedAt: Date;
  /** null: the worker never left apply (killed inside it) */
  appliedAt: Date | null;
}

export async function witnessedAttempts(pool: Pool): Promise<WitnessedAttempt[]> {
  const { rows } = await pool.query<{
    pid: number;
    projection: string;
    started_at: Date;
    applied_at: Date | null;
  }>(
    'SELECT pid, projection, started_at, applied_at FROM witnessed_attempts ORDER BY projection, started_at',
  );
  return rows.map((r) => ({
    pid: r.pid,
    projection: r.projection,
    startedAt: r.started_at,
    appliedAt: r.applied_at,
  }));
}

/** Wraps each projection's apply; a short pause inside the batch widens the window a kill or an overlap can hit. */
function witness(projection: Projection, outside: Pool, pauseMs: number): void {
  const apply = projection.apply.bind(projection);
  (projection as { apply: Projection['apply'] }).apply = async (
    tx: PoolClient,
    events: readonly RecordedEvent[],
  ) => {
    const token = randomUUID();
    const started = await outside.query<{ t: Date }>(
      `INSERT INTO witnessed_attempts (token, pid, projection, started_at) VALUES ($1, $2, $3, clock_timestamp())
       RETURNING started_at AS t`,
      [token, process.pid, projection.name],
    );
    await apply(tx, events);
    if (pauseMs > 0) await tx.query('SELECT pg_sleep($1)', [pauseMs / 1000]);
    await outside.query('UPDATE witnessed_attempts SET applied_at = clock_timestamp() WHERE token = $1', [
      token,
    ]);
    await tx.query(
      `INSERT INTO witnessed_batches
         (token, pid, projection, first_position, last_position, events, started_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())`,
      [
        token,
        process.pid,
        projection.name,
        events[0].globalPosition.toString(),
        events[events.length - 1].globalPosition.toString(),
        events.length,
        started.rows[0].t,
      ],
    );
  };
}

@Injectable()
class BatchWitness implements OnModuleInit, OnApplicationShutdown {
  private readonly outside = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 }).on(
    'error',
    () => undefined, // an idle client dropped at shutdown must not crash the worker
  );

  constructor(
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    private readonly moduleRef: ModuleRef,
  ) {}

  // Before any onApplicationBootstrap, so before the runners take their first batch.
  onModuleInit() {
    const pauseMs = Number(process.env.WITNESS_BATCH_PAUSE_MS ?? '0');
    const alerts = this.moduleRef.get(AlertsWorker, { strict: false });
    for (const projection of [...this.projections, alerts.engine, alerts.inbox])
      witness(projection, this.outside, pauseMs);
  }

  async onApplicationShutdown() {
    await this.outside.end();
  }
}

@Module({ imports: [ProjectionsModule], providers: [BatchWitness] })
export class BatchWitnessModule {}
