import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCprNumbers } from '../../libs/domain/src/cpr';

/**
 * The whole-run log check. During a jest run every logger writes a copy of its lines to
 * `$HF_TEST_LOG_DIR/<pid>.log` (libs/platform createLogger), and every request a test sends through
 * `t.request` notes the names in its body in `<pid>.names`. The global teardown then fails the run if
 * any log line holds a CPR-shaped number with a real date or one of those names.
 */

/** Body fields that hold a person's name. */
const NAME_FIELDS = new Set(['name', 'alias']);
/** Shorter values (an alias like "Bo", a hostile "null") would match unrelated log text. */
const MIN_NAME_LENGTH = 5;

export interface LogFinding {
  file: string;
  line: number;
  kind: 'CPR-shaped number' | 'name sent in a request';
}

/** Notes the names in a request body, for the scan at the end of the run. No-op outside jest. */
export function notePersonalData(payload: unknown): void {
  const dir = process.env.HF_TEST_LOG_DIR;
  if (!dir || payload === undefined) return;
  const names = namesIn(parsed(payload));
  if (names.length > 0) {
    appendFileSync(join(dir, `${process.pid}.names`), names.map((n) => JSON.stringify(n) + '\n').join(''));
  }
}

function parsed(payload: unknown): unknown {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  try {
    return JSON.parse(payload.toString());
  } catch {
    return undefined;
  }
}

export function namesIn(value: unknown, depth = 0): string[] {
  if (typeof value !== 'object' || value === null || depth > 64) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string'
      ? NAME_FIELDS.has(key) && child.trim().length >= MIN_NAME_LENGTH
        ? [child]
        : []
      : namesIn(child, depth + 1),
  );
}

/** The 1-based numbers of the lines that hold a CPR-shaped number or one of the names. */
export function scanLines(
  text: string,
  names: readonly string[],
): Array<{ line: number; kind: LogFinding['kind'] }> {
  // A name with quotes or backslashes appears JSON-escaped in a log line.
  const needles = [...new Set(names.flatMap((n) => [n, JSON.stringify(n).slice(1, -1)]))];
  const findings: Array<{ line: number; kind: LogFinding['kind'] }> = [];
  text.split('\n').forEach((content, index) => {
    if (findCprNumbers(content).length > 0) findings.push({ line: index + 1, kind: 'CPR-shaped number' });
    else if (needles.some((needle) => content.includes(needle)))
      findings.push({ line: index + 1, kind: 'name sent in a request' });
  });
  return findings;
}

export function scanLogDir(dir: string): LogFinding[] {
  const files = readdirSync(dir);
  const names = files
    .filter((f) => f.endsWith('.names'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string);
  return files
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) =>
      scanLines(readFileSync(join(dir, f), 'utf8'), names).map((finding) => ({
        file: join(dir, f),
        ...finding,
      })),
    );
}

/** Names the file and line of each finding; never what was found, so the report leaks nothing itself. */
export function describeFindings(findings: readonly LogFinding[]): string {
  const shown = findings.slice(0, 20).map((f) => `  ${f.file}:${f.line}: ${f.kind}`);
  const more = findings.length > shown.length ? [`  ... and ${findings.length - shown.length} more`] : [];
  return [
    `${findings.length} log line(s) written during the test run hold personal data:`,
    ...shown,
    ...more,
  ].join('\n');
}
