import 'reflect-metadata';
import { createLogger, loadConfig } from '@hf/platform';
import { createApiApp } from './bootstrap';

/** `npm start`: the API, and the worker in the same process unless RUN_WORKER=false. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp({ config, logger, withWorker: config.runWorker });
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    { port: config.port, docs: `http://localhost:${config.port}/docs` },
    'housing-first API listening',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
