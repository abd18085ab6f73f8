import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded';

/**
 * Tests run against DATABASE_URL when it is set (each test file then creates its own database on that
 * server); otherwise one embedded PostgreSQL is started for the whole run.
 */
export default async function globalSetup(): Promise<void> {
  // Every logger of the run copies its lines here; the global teardown scans them (log-scan.ts).
  process.env.HF_TEST_LOG_DIR = mkdtempSync(join(tmpdir(), 'hf-test-logs-'));
  if (process.env.DATABASE_URL) {
    process.env.HF_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'hf-test-pg-'));
  chmodSync(parent, 0o755); // as root, the server runs as the postgres user and must reach its directory
  const dir = join(parent, 'data');
  const server = await startEmbeddedPostgres({ dir, port, persistent: false, database: 'hf_admin' });
  process.env.HF_TEST_ADMIN_URL = server.url;
  (globalThis as { __HF_EMBEDDED_PG__?: typeof server }).__HF_EMBEDDED_PG__ = server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
