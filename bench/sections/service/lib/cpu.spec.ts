import { backendsCpuDelta, parseProcStatCpuSeconds, processCpuSeconds } from './cpu';

describe('process CPU time', () => {
  it('reads utime + stime (ticks of 1/100 s) after the process name, even a name with spaces and parentheses', () => {
    const stat =
      '4242 (node (api) x) S 1 4242 4242 0 -1 4194304 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 20000 ' +
      '18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
    expect(parseProcStatCpuSeconds(stat)).toBeCloseTo(18.01, 5);
  });

  it('fails loudly on text without the fields rather than reporting zero', () => {
    expect(() => parseProcStatCpuSeconds('4242 (node) S 1')).toThrow('no utime/stime');
  });

  it('reads this very process on Linux, growing as it works, and nothing for a process that does not exist', async () => {
    if (process.platform === 'linux') {
      const before = (await processCpuSeconds(process.pid))!;
      const until = Date.now() + 60;
      while (Date.now() < until) Math.sqrt(Math.random());
      const after = (await processCpuSeconds(process.pid))!;
      expect(after).toBeGreaterThan(before);
    }
    expect(await processCpuSeconds(2 ** 22 + 1)).toBeNull();
  });

  it('counts only the backends seen at both readings', () => {
    const before = new Map([
      [1, 10],
      [2, 5],
    ]);
    const after = new Map([
      [1, 12.5],
      [3, 99],
    ]);
    expect(backendsCpuDelta(before, after)).toBeCloseTo(2.5, 5);
  });
});
