import type { PoolClient } from 'pg';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent } from './port';

/**
 * A store whose appends can join a PostgreSQL transaction the caller owns, so an event commits together with
 * rows of the read-model database (a checkpoint, a timer's fired mark, the deletion of a data key). The
 * PostgreSQL adapter is one; a store in another database (EventStoreDB/KurrentDB) is not, and its callers take
 * the ordered path instead: append first (deterministic ids make a re-run append nothing), then commit the
 * PostgreSQL side, and let the next run or a retry finish what a crash in between left undone.
 */
export interface TransactionalAppend {
  appendWithin(
    tx: PoolClient,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult>;
  /** a stream as seen by the transaction, including its own appends not yet committed */
  readStreamWithin(tx: PoolClient, streamId: string, fromVersion?: number): Promise<RecordedEvent[]>;
}

/** The store itself when it can append inside a PostgreSQL transaction, otherwise null. */
export function transactionalAppendOf(store: EventStore): (EventStore & TransactionalAppend) | null {
  const candidate = store as Partial<TransactionalAppend>;
  return typeof candidate.appendWithin === 'function' && typeof candidate.readStreamWithin === 'function'
    ? (store as EventStore & TransactionalAppend)
    : null;
}
