import type { BenchContext, BenchRow } from '../../../lib/types';
import { mebibytes, note } from './format';
import type { ProcessMemory } from './memory';
import { RunningService, startService } from './service-process';

/** The memory row of one service process, e.g. "api (HTTP commands @ 1M)": peak RSS, with RSS and heap now. */
export function memoryRow(
  service: Pick<RunningService, 'role' | 'pid'>,
  during: string,
  memory: ProcessMemory | null,
  heapUsedBytes?: number,
): BenchRow {
  return {
    section: 'memory',
    metric: `${service.role} process, peak RSS during ${during}`,
    value: memory ? mebibytes(memory.peakRssBytes) : 'n/a',
    verdict: 'n/a',
    note: note(
      memory ? `RSS at end ${mebibytes(memory.rssBytes)}` : 'no /proc on this system',
      heapUsedBytes !== undefined && `V8 heap used at end ${mebibytes(heapUsedBytes)}`,
    ),
  };
}

/**
 * Runs a measurement against the service as production runs it: the API and a separate worker process (projections,
 * alert engine, webhook dispatcher), both children of the bench. Adds each process's memory rows and stops both.
 */
export async function withService(
  ctx: BenchContext,
  during: string,
  options: { env?: Record<string, string> },
  measure: (api: RunningService, worker: RunningService) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  const api = await startService({ role: 'api', databaseUrl: ctx.databaseUrl, env: options.env });
  let worker: RunningService | undefined;
  try {
    worker = await startService({ role: 'worker', databaseUrl: ctx.databaseUrl, env: options.env });
    const rows = await measure(api, worker);
    const label = `${during} @ ${ctx.sizeLabel}`;
    rows.push(memoryRow(api, label, await api.memory(), await api.heapUsedBytes()));
    rows.push(memoryRow(worker, label, await worker.memory()));
    return rows;
  } finally {
    await worker?.stop();
    await api.stop();
  }
}
