import 'reflect-metadata';
import { PrincipalRegistry, seedDemoPrincipals } from '@hf/access';
import { closeGracefullyOnSignals, createLogger, loadConfig } from '@hf/platform';
import { createApiApp } from './bootstrap';

/** `npm start`: the API, and the worker in the same process unless RUN_WORKER=false. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger, withWorker: config.runWorker });
  closeGracefullyOnSignals(app, logger, {
    timeoutMs: config.shutdownTimeoutMs,
    drainMs: config.shutdownDrainMs,
  });
  await app.listen({ port: config.port, host: config.host });
  if (config.demoMode) {
    const keys = await seedDemoPrincipals(app.get(PrincipalRegistry));
    // Printed to the terminal, not logged: keys must never reach a log pipeline (demo mode never runs in production).
    process.stdout.write(
      `\nDEMO MODE: one API key per unit type (Authorization: Bearer <key>); new keys on every start\n${keys
        .map((k) => `  ${k.unitType.padEnd(20)} ${k.unitId.padEnd(30)} ${k.apiKey}`)
        .join('\n')}\n\n`,
    );
  }
  logger.info(
    { port: config.port, docs: `http://localhost:${config.port}/docs` },
    'housing-first API listening',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
