import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFindings, namesIn, scanLines, scanLogDir } from './log-scan';

// Synthetic numbers and names only.
const line = (msg: string) =>
  JSON.stringify({ level: 30, time: '2026-03-02T09:15:00.123Z', reqId: 'req-1', msg }) + '\n';

describe('the whole-run log scan', () => {
  it('finds CPR-shaped numbers with a real date, with and without the dash', () => {
    const text = line('ok') + line('citizen 010190-1234 registered') + line('ok') + line('x=0101901234');
    expect(scanLines(text, [])).toEqual([
      { line: 2, kind: 'CPR-shaped number' },
      { line: 4, kind: 'CPR-shaped number' },
    ]);
  });

  it('ignores ten digits with an impossible date, longer runs of digits, timestamps and uuids', () => {
    const text =
      line('320190-1234 and 0113901234') +
      line('position 010190123456') +
      line('id 0193a4c2-0000-7000-8000-000000000001 at 2026-03-02T09:15:00.123Z');
    expect(scanLines(text, [])).toEqual([]);
  });

  it('finds the names sent in requests, also JSON-escaped in a log line', () => {
    const text = line('ok') + line('registered Ole Logtest') + line('said "Bamse" Jr');
    expect(scanLines(text, ['Ole Logtest', '"Bamse" Jr', 'Never Logged'])).toEqual([
      { line: 2, kind: 'name sent in a request' },
      { line: 3, kind: 'name sent in a request' },
    ]);
  });

  it('takes names from name and alias fields at any depth, skipping values too short to be telling', () => {
    expect(
      namesIn({ name: 'Jens Hansen', alias: 'Bo', x: [{ alias: 'Kongen' }], shelterName: 'Hus A' }),
    ).toEqual(['Jens Hansen', 'Kongen']);
  });

  it('scans every process file in the run directory against the names of every process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hf-log-scan-spec-'));
    try {
      writeFileSync(join(dir, '111.names'), JSON.stringify('Ole Logtest') + '\n');
      writeFileSync(join(dir, '111.log'), line('clean'));
      writeFileSync(join(dir, '222.log'), line('clean') + line('Ole Logtest') + line('120385-2468'));
      expect(scanLogDir(dir)).toEqual([
        { file: join(dir, '222.log'), line: 2, kind: 'name sent in a request' },
        { file: join(dir, '222.log'), line: 3, kind: 'CPR-shaped number' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports file and line only, never the CPR number or name it found', () => {
    const report = describeFindings([
      { file: '/tmp/x/222.log', line: 2, kind: 'name sent in a request' },
      { file: '/tmp/x/222.log', line: 3, kind: 'CPR-shaped number' },
    ]);
    expect(report).toContain('/tmp/x/222.log:2');
    expect(report).toContain('/tmp/x/222.log:3');
    expect(report).not.toMatch(/Logtest|120385/);
  });
});
