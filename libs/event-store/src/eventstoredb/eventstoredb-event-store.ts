import {
  AllStreamRecordedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  NO_STREAM,
  Position,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import {
  AppendResult,
  ConcurrencyError,
  Cursor,
  DuplicateEventIdError,
  EventMetadata,
  EventStore,
  EventStoreCapabilities,
  EventWatch,
  ExpectedVersion,
  NewEvent,
  ReadAllPage,
  RecordedEvent,
  START,
} from '../port';
import { watchWithResubscribe } from './resubscribing-watch';

/** What this adapter writes as ESDB event metadata: the port's metadata plus the fields ESDB has no slot for. */
interface StoredMetadata {
  /** ESDB's own names, so its $by_correlation_id projection and UI understand them */
  $correlationId: string;
  $causationId?: string;
  occurredAt: string;
  schemaVersion: number;
  metadata: EventMetadata;
}

export interface EventStoreDbOptions {
  /** told when the all-events subscription fails and is about to be retried */
  onWatchRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  watchInitialDelayMs?: number;
  watchMaxDelayMs?: number;
}

/** An `any` append re-reads and retries on a race this many times before giving up. */
const MAX_ANY_ATTEMPTS = 25;

/**
 * EventStoreDB/KurrentDB adapter. Port versions count from 1, ESDB revisions from 0: version v is
 * revision v - 1. Each append first reads the stream and checks the batch's ids against it, then appends
 * with the exact revision it read, so the id check and the write are one optimistic step. ESDB's own
 * idempotence (a cache of recent writes, best-effort for `any`) is not relied on. The cost is one stream
 * read per append, which is small for this domain's short, per-case streams. One gap remains: when a
 * concurrent retry of the same batch lands between that read and the append, the server may answer the
 * second write as an idempotent success, so that caller hears alreadyAppended: false; the events are still
 * stored once.
 */
export class EventStoreDbEventStore implements EventStore {
  /** ESDB has no index over event ids across streams: an id is only checked within its own stream. */
  static readonly capabilities: EventStoreCapabilities = { eventIdsUniqueAcrossStreams: false };
  readonly capabilities = EventStoreDbEventStore.capabilities;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions = {},
  ) {}

  static fromConnectionString(
    connectionString: string,
    options?: EventStoreDbOptions,
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (streamId.startsWith('$')) throw new Error('stream ids starting with $ are reserved by EventStoreDB');
    if (expected.kind === 'exact' && (!Number.isInteger(expected.version) || expected.version < 1)) {
      throw new Error('an exact expected version is a whole number >= 1; use no-stream for an empty stream');
    }
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStream(streamId);
      const version = stored.length === 0 ? 0 : stored[stored.length - 1].streamVersion;
      const known = new Set(stored.map((e) => e.id));
      const alreadyStored = events.filter((e) => known.has(e.id)).length;
      if (alreadyStored === events.length) return { nextExpectedVersion: version, alreadyAppended: true };
      if (alreadyStored > 0) throw new DuplicateEventIdError(streamId);
      if (expected.kind === 'no-stream' && version !== 0) throw new ConcurrencyError(streamId, expected);
      if (expected.kind === 'exact' && version !== expected.version) {
        throw new ConcurrencyError(streamId, expected);
      }
      try {
        const result = await this.client.appendToStream(streamId, events.map(toEventData), {
          expectedRevision: version === 0 ? NO_STREAM : BigInt(version - 1),
        });
        return { nextExpectedVersion: Number(result.nextExpectedRevision) + 1, alreadyAppended: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Someone wrote between our read and our append. The next read tells whether it was a retry of
        // this very batch (then it is already appended), a partial overlap, or a real conflict.
        if (expected.kind === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
        const latest = await this.readStream(streamId);
        const after = new Set(latest.map((e) => e.id));
        const nowStored = events.filter((e) => after.has(e.id)).length;
        if (nowStored === events.length) {
          return { nextExpectedVersion: latest[latest.length - 1].streamVersion, alreadyAppended: true };
        }
        if (nowStored > 0) throw new DuplicateEventIdError(streamId);
        throw new ConcurrencyError(streamId, expected);
      }
    }
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: BigInt(Math.max(fromVersion, 1) - 1),
      })) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * ESDB's $all is written in commit order and an event is only readable once committed, so a cursor
   * (commit and prepare position of the last delivered event) never skips a late commit. The 6.2.1 client's
   * readAll sends no server-side filter (only subscribeToAll takes one), so system streams and `$` events
   * are skipped here. When a page holds no events of ours the given cursor is returned unchanged, as the
   * port asks; the price is that a long run of system events after it is scanned again on the next call.
   */
  async readAll(cursor: Cursor, limit: number): Promise<ReadAllPage> {
    const after = decodeEsdbCursor(cursor);
    const events: RecordedEvent[] = [];
    let position = after;
    for (;;) {
      // One more than needed: reading from a position includes the event at that position.
      const chunk = limit + 1;
      let read = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: position ?? ESDB_START,
        maxCount: chunk,
        resolveLinkTos: false,
      })) {
        read += 1;
        const event = resolved.event;
        if (!event || (position && !isAfter(event.position, position))) continue;
        position = event.position;
        if (isSystemEvent(event)) continue;
        events.push(toRecorded(event));
        if (events.length === limit) break;
      }
      if (events.length === limit || read < chunk) break;
    }
    if (events.length === 0) return { events, cursor };
    const last = events[events.length - 1];
    return { events, cursor: encodeEsdbCursor(positionOf(last)) };
  }

  /**
   * A cursor past everything in the log now (system events included), without paging through it: for a
   * reader that only wants what comes next, such as a test on a server other runs share.
   */
  async endCursor(): Promise<Cursor> {
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
    })) {
      if (resolved.event) return encodeEsdbCursor(resolved.event.position);
    }
    return START;
  }

  /**
   * Wakes `onAppended` for every event of ours appended from now on (server-side filter: no system events).
   * The subscription is restarted after failures from the last position it saw, with capped backoff.
   */
  watchAll(onAppended: () => void): EventWatch {
    return watchWithResubscribe<Position>(
      (from, handlers) => {
        const subscription = this.client.subscribeToAll({
          fromPosition: from ?? END,
          filter: excludeSystemEvents(),
        });
        subscription.on('data', (resolved) => {
          if (resolved.event) handlers.onEvent(resolved.event.position);
        });
        subscription.on('error', (error) => handlers.onFailure(error));
        subscription.on('end', () => handlers.onFailure(new Error('EventStoreDB subscription ended')));
        return { close: () => subscription.unsubscribe() };
      },
      onAppended,
      {
        initialDelayMs: this.options.watchInitialDelayMs ?? 250,
        maxDelayMs: this.options.watchMaxDelayMs ?? 30_000,
        onRetry: this.options.onWatchRetry,
      },
    );
  }
}

/** Positions of delivered events, kept beside the event so the cursor can carry the prepare position too. */
const positions = new WeakMap<RecordedEvent, Position>();

function positionOf(event: RecordedEvent): Position {
  const position = positions.get(event);
  if (!position) throw new Error('event was not read by this adapter');
  return position;
}

export function encodeEsdbCursor(position: Position): Cursor {
  return `esdb:${position.commit}:${position.prepare}`;
}

export function decodeEsdbCursor(cursor: Cursor): Position | undefined {
  if (cursor === START) return undefined;
  const match = /^esdb:(\d+):(\d+)$/.exec(cursor);
  if (!match) throw new Error('not an EventStoreDB event store cursor');
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

/** Streams and event types starting with `$` belong to the server (stats, metadata, projections, links). */
function isSystemEvent(event: AllStreamRecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function toEventData(event: NewEvent) {
  const metadata: StoredMetadata = {
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
    occurredAt: event.occurredAt.toISOString(),
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

function toRecorded(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.isJson) throw new Error('the event store holds a binary event this adapter did not write');
  if (!event.position) throw new Error('EventStoreDB returned an event without its log position');
  const stored = event.metadata as unknown as StoredMetadata;
  const recorded: RecordedEvent = {
    id: event.id,
    streamId: event.streamId,
    streamVersion: Number(event.revision) + 1,
    globalPosition: event.position.commit,
    type: event.type,
    schemaVersion: stored.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata: stored.metadata,
    occurredAt: new Date(stored.occurredAt),
    recordedAt: event.created,
  };
  positions.set(recorded, event.position);
  return recorded;
}
