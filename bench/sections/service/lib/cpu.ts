import { readFile } from 'node:fs/promises';
import { Pool } from 'pg';

/**
 * Linux reports utime/stime in USER_HZ ticks, which is 100 on every mainstream architecture (it is a fixed ABI
 * value, not the kernel's HZ).
 */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds from the text of /proc/<pid>/stat (fields 14 and 15, counted after the name). */
export function parseProcStatCpuSeconds(text: string): number {
  // the name (field 2) is in parentheses and may itself hold spaces or parentheses: split after the last ')'
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so utime (field 14) is rest[11] and stime (field 15) rest[12]
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('no utime/stime in /proc stat');
  return (utime + stime) / TICKS_PER_SECOND;
}

/** CPU seconds a live process has used so far, or null where /proc is not available or the process has gone. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    return parseProcStatCpuSeconds(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL backends serving one database, when the server runs on this machine
 * (its backends are then visible in /proc); null otherwise. Backends that end between two readings are lost, so
 * this is a floor; the service's pools keep their connections open during a load run.
 */
export async function databaseBackendsCpuSeconds(databaseUrl: string): Promise<Map<number, number> | null> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const seconds = new Map<number, number>();
    for (const { pid } of rows) {
      const used = await processCpuSeconds(pid);
      if (used !== null) seconds.set(pid, used);
    }
    return rows.length > 0 && seconds.size === 0 ? null : seconds;
  } finally {
    await pool.end();
  }
}

/** CPU seconds the backends used between two readings, counting only backends present in both. */
export function backendsCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, used] of after) {
    const start = before.get(pid);
    if (start !== undefined) total += used - start;
  }
  return total;
}
