import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  /** peak resident set size since the process started (VmHWM), bytes */
  peakRssBytes: number;
  /** resident set size now (VmRSS), bytes */
  rssBytes: number;
}

/** Reads VmHWM and VmRSS from the text of /proc/<pid>/status (given in kB, which the kernel means as KiB). */
export function parseProcStatus(text: string): ProcessMemory {
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(text);
    if (!match) throw new Error(`no ${field} in /proc status`);
    return Number(match[1]) * 1024;
  };
  return { peakRssBytes: kib('VmHWM'), rssBytes: kib('VmRSS') };
}

/** The memory of a live process, or null where /proc is not available (not Linux) or the process has gone. */
export async function processMemory(pid: number): Promise<ProcessMemory | null> {
  try {
    return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/** The value of one Prometheus sample line, e.g. `hf_nodejs_heap_size_used_bytes 1234`, or undefined. */
export function prometheusValue(exposition: string, metric: string): number | undefined {
  const match = new RegExp(`^${metric}(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$`, 'm').exec(exposition);
  return match ? Number(match[1]) : undefined;
}
