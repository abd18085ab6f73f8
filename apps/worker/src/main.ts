import 'reflect-metadata';
import { runWorker } from './bootstrap';

/** The worker alone, for deployments that run api and worker replicas separately. */
runWorker().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
