import { parseProcStatus, processMemory, prometheusValue } from './memory';

const STATUS = `Name:\tnode
VmPeak:\t 1234567 kB
VmSize:\t 1200000 kB
VmHWM:\t  204800 kB
VmRSS:\t  153600 kB
Threads:\t11
`;

describe('process memory', () => {
  it('reads the peak and current RSS from /proc/<pid>/status (kB meaning KiB)', () => {
    expect(parseProcStatus(STATUS)).toEqual({ peakRssBytes: 204800 * 1024, rssBytes: 153600 * 1024 });
  });

  it('fails loudly on a status without the fields rather than reporting zero', () => {
    expect(() => parseProcStatus('Name:\tnode\nVmRSS:\t 10 kB\n')).toThrow('no VmHWM');
  });

  it('reads this very process on Linux, and nothing for a process that does not exist', async () => {
    const own = await processMemory(process.pid);
    if (process.platform === 'linux') {
      expect(own!.peakRssBytes).toBeGreaterThanOrEqual(own!.rssBytes);
      expect(own!.rssBytes).toBeGreaterThan(1024 * 1024);
    }
    expect(await processMemory(2 ** 22 + 1)).toBeNull();
  });

  it('takes one sample from a Prometheus exposition, with or without labels', () => {
    const exposition = [
      '# HELP hf_nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.',
      '# TYPE hf_nodejs_heap_size_used_bytes gauge',
      'hf_nodejs_heap_size_used_bytes 52428800',
      'hf_nodejs_heap_size_used_bytes_other 1',
      'hf_projection_lag_events{projection="timeline"} 0',
    ].join('\n');
    expect(prometheusValue(exposition, 'hf_nodejs_heap_size_used_bytes')).toBe(52428800);
    expect(prometheusValue(exposition, 'hf_projection_lag_events')).toBe(0);
    expect(prometheusValue(exposition, 'hf_missing')).toBeUndefined();
  });
});
