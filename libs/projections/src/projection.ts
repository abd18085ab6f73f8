import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';

/**
 * A read model fed from the all-events feed. `apply` runs inside the transaction that also moves the
 * projection's checkpoint, so a batch is applied exactly once or not at all.
 */
export interface Projection {
  readonly name: string;
  apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void>;
  /** Empties the projection's tables before a rebuild from the start of the log. */
  reset(tx: PoolClient): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
