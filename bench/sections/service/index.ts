import type { BenchSection } from '../../lib/types';

/**
 * The service-level sections (HTTP commands, queries over HTTP, end-to-end alert latency, peak memory), run by the
 * orchestrator after the data of a size is in place: `each` after every size, `last` once after the largest. The
 * sections live next to this file and add themselves to the list here.
 */
export const serviceSections: { name: string; sizes: 'each' | 'last'; run: BenchSection }[] = [];
