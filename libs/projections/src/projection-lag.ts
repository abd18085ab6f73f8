import { decodeCursor } from '@hf/event-store';
import type { Pool } from 'pg';

export interface ProjectionLag {
  projection: string;
  /** committed events the projection has not applied yet */
  behindEvents: number;
  /** how long the oldest of them has waited, in seconds (0 when caught up) */
  lagSeconds: number;
}

/**
 * How far each projection trails the log. PostgreSQL-specific on purpose: it reads the same
 * (transaction id, position) order as the feed, counting at most `cap` events so that a projection that
 * is far behind (during a rebuild) costs a bounded query.
 */
export async function projectionLag(
  pool: Pool,
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
      const [xid, position] = decodeCursor(cursors.get(projection) ?? 'start');
      const { rows: lag } = await pool.query<{ behind: string; oldest: Date | null }>(
        `SELECT count(*) AS behind, min(recorded_at) AS oldest FROM (
           SELECT recorded_at FROM events
            WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY transaction_id, global_position LIMIT $3) pending`,
        [xid, position, cap],
      );
      const oldest = lag[0].oldest;
      return {
        projection,
        behindEvents: Number(lag[0].behind),
        lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      };
    }),
  );
}
