import { PostgresEventStore } from '@hf/event-store';
import { projectionLag, reportedProjectionNames } from '@hf/projections';
import { Pool } from 'pg';
import { sleep } from './service-process';

/**
 * Waits until every read model the service reports (the alert engine and inbox included) has applied every event
 * visible now, so a measurement does not start while the worker is still catching up on earlier writes.
 */
export async function waitUntilCaughtUp(databaseUrl: string, timeoutMs = 300_000): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const store = new PostgresEventStore(pool); // the benchmarks measure the PostgreSQL event store
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lags = await projectionLag(pool, store, reportedProjectionNames(), new Date());
      const behind = lags.filter((lag) => lag.behindEvents > 0);
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `read models still behind: ${behind.map((l) => `${l.projection} ${l.behindEvents}`).join(', ')}`,
        );
      await sleep(250);
    }
  } finally {
    await pool.end();
  }
}
