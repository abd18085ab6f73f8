import { rmSync } from 'node:fs';
import { describeFindings, scanLogDir } from './log-scan';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __HF_EMBEDDED_PG__?: { stop(): Promise<void> } }).__HF_EMBEDDED_PG__;
  try {
    if (server) await server.stop();
  } finally {
    scanLogs();
  }
}

/**
 * Fails the run (jest exits non-zero when the global teardown throws) if any log line written during
 * it holds personal data. The logs are kept for a look at the named lines; a clean run removes them.
 */
function scanLogs(): void {
  const dir = process.env.HF_TEST_LOG_DIR;
  if (!dir) return;
  const findings = scanLogDir(dir);
  if (findings.length > 0) throw new Error(describeFindings(findings));
  rmSync(dir, { recursive: true, force: true });
}
