import type { BenchSection } from '../../lib/types';
import { alertLatency } from './alert-latency';
import { httpCommands } from './http-commands';
import { queryLatency } from './queries';

/** for the orchestrator: fills the HTTP command row's ratio to the append section's rate, given the whole table */
export { withStoreRatio } from './lib/store-ratio';

/**
 * The service-level sections, each against the built service run as child processes (API + worker). 'each' runs
 * at every data size once the orchestrator has generated it and caught up the read models and the alert engine;
 * 'last' once, after the largest size. Every section also reports the peak memory of the processes it ran.
 */
export const serviceSections: { name: string; sizes: 'each' | 'last'; run: BenchSection }[] = [
  { name: 'queries', sizes: 'each', run: queryLatency },
  // Alerts before the command load: the worker would otherwise still be working off those writes.
  { name: 'alert-latency', sizes: 'last', run: alertLatency },
  { name: 'http-commands', sizes: 'last', run: httpCommands },
];
