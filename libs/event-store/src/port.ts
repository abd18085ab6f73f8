/**
 * The event store port. Kept free of database types so that a PostgreSQL adapter and an
 * EventStoreDB/KurrentDB adapter can both implement it and pass one contract suite.
 */

/** Stream versions count from 1: the first event of a stream has version 1. */
export type ExpectedVersion =
  /** the stream must not exist yet */
  | { kind: 'no-stream' }
  /** append whatever the stream's current version is */
  | { kind: 'any' }
  /** the stream's last event must have exactly this version */
  | { kind: 'exact'; version: number };

export const ExpectedVersion = {
  noStream: { kind: 'no-stream' } as ExpectedVersion,
  any: { kind: 'any' } as ExpectedVersion,
  exact: (version: number): ExpectedVersion => ({ kind: 'exact', version }),
  /** version 0 means "the stream has no events", which for appending is the same as no-stream */
  fromVersion: (version: number): ExpectedVersion =>
    version === 0 ? { kind: 'no-stream' } : { kind: 'exact', version },
};

export interface EventMetadata {
  /** the request or message that caused this event; copied from the request id */
  correlationId: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** caller-chosen id: appending the same id again is a no-op (a retry is not a duplicate) */
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** when it happened in the world; recordedAt is set by the store */
  occurredAt: Date;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  streamVersion: number;
  /** store-wide position, increasing in commit order for readers of readAll */
  globalPosition: bigint;
  recordedAt: Date;
}

export interface AppendResult {
  /** the stream's version after the append */
  nextExpectedVersion: number;
  /** true when every event id was already stored: nothing was appended */
  alreadyAppended: boolean;
}

/**
 * An opaque position in the all-events feed. Only the adapter that issued it can interpret it;
 * `START` means "from the very beginning".
 */
export type Cursor = string;
export const START: Cursor = 'start';

export interface ReadAllPage {
  events: RecordedEvent[];
  /** pass this to the next readAll; equals the given cursor when nothing new is visible */
  cursor: Cursor;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** events with streamVersion >= fromVersion, in stream order */
  readStream(streamId: string, fromVersion?: number): Promise<RecordedEvent[]>;
  /**
   * Optional: several whole streams in one round trip, in the order asked (an empty list for a stream that does
   * not exist). A store that can do this with one query offers it; `readStreams` in read-streams.ts falls back to
   * one readStream per stream for the others. A command that needs the citizen's record and its process stream
   * pays one round trip instead of two.
   */
  readStreams?(streamIds: readonly string[]): Promise<RecordedEvent[][]>;
  /**
   * Events committed after `cursor`, in commit order. Never skips an event whose transaction commits
   * after a later-numbered one: such an event is delivered once it is committed.
   */
  readAll(cursor: Cursor, limit: number): Promise<ReadAllPage>;
  /**
   * Optional push hint: calls `onAppended` soon after events are appended anywhere. It carries no events and
   * may fire spuriously or late; readers still read with readAll and keep polling as a fallback. A store
   * without it (PostgreSQL) is simply polled.
   */
  watchAll?(onAppended: () => void): EventWatch;
  /**
   * Optional: how many committed events follow `cursor` (counting at most `cap`) and when the oldest of them was
   * recorded. A store that can answer with one cheap query offers it; for the others, `pendingAfter` in
   * pending-after.ts pages through readAll instead.
   */
  pendingAfter?(cursor: Cursor, cap: number): Promise<PendingEvents>;
}

export interface PendingEvents {
  /** committed events after the cursor, at most the cap asked for */
  count: number;
  /** recordedAt of the first of them; null when there are none */
  oldestRecordedAt: Date | null;
}

export interface EventWatch {
  close(): Promise<void>;
}

/**
 * Guarantees that differ between adapters, stated instead of pretended, so the contract suite can
 * check each adapter for what it promises.
 */
export interface EventStoreCapabilities {
  /**
   * true: an event id stored in one stream is refused in every other stream (PostgreSQL: a unique index).
   * false: ids are checked within the stream only (EventStoreDB has no index over ids across streams).
   */
  eventIdsUniqueAcrossStreams: boolean;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
  ) {
    super(`Stream was changed concurrently (expected ${describe(expected)})`);
    this.name = 'ConcurrencyError';
  }
}

/** Some, but not all, of a batch's event ids are already stored: a caller bug, never a retry. */
export class DuplicateEventIdError extends Error {
  constructor(readonly streamId: string) {
    super('Some of the event ids in this batch are already stored and some are not');
    this.name = 'DuplicateEventIdError';
  }
}

function describe(expected: ExpectedVersion): string {
  return expected.kind === 'exact' ? `version ${expected.version}` : expected.kind;
}
