import 'reflect-metadata';
import { runWorker } from '../../../apps/worker/src/bootstrap';
import { BatchWitnessModule } from './batch-witness';

/** A worker replica exactly as `apps/worker` starts it, plus the batch witness. */
runWorker([BatchWitnessModule]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
