import { EventStore, pendingAfter, START } from '@hf/event-store';
import type { Pool } from 'pg';

export interface ProjectionLag {
  projection: string;
  /** committed events the projection has not applied yet */
  behindEvents: number;
  /** how long the oldest of them has waited, in seconds (0 when caught up) */
  lagSeconds: number;
}

/**
 * How far each projection trails the log, read from its checkpoint and counted by the store, at most `cap` events
 * so that a projection far behind (during a rebuild) costs a bounded read. A store without a counting query of its
 * own is paged through readAll with a smaller cap (see pendingAfter): behindEvents is then a floor.
 */
export async function projectionLag(
  pool: Pool,
  store: EventStore,
  names: readonly string[],
  now: Date,
  cap = 100_000,
): Promise<ProjectionLag[]> {
  const { rows } = await pool.query<{ name: string; cursor: string }>(
    'SELECT name, cursor FROM projection_checkpoints WHERE name = ANY($1)',
    [names],
  );
  const cursors = new Map(rows.map((r) => [r.name, r.cursor]));
  return Promise.all(
    names.map(async (projection) => {
      const pending = await pendingAfter(store, cursors.get(projection) ?? START, cap);
      const oldest = pending.oldestRecordedAt;
      return {
        projection,
        behindEvents: pending.count,
        lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      };
    }),
  );
}
