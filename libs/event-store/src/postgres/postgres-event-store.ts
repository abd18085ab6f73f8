import type { Pool, PoolClient } from 'pg';
import type { TransactionalAppend } from '../transactional-append';
import {
  AppendResult,
  EventStoreCapabilities,
  ConcurrencyError,
  Cursor,
  DuplicateEventIdError,
  EventStore,
  ExpectedVersion,
  NewEvent,
  PendingEvents,
  ReadAllPage,
  RecordedEvent,
  START,
} from '../port';

/** SQLSTATEs raised by the append_events function (see the event store migration). */
const WRONG_EXPECTED_VERSION = 'HF409';
const PARTIAL_DUPLICATE = 'HF410';
const UNIQUE_VIOLATION = '23505';

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: NewEvent['metadata'];
  occurred_at: Date;
  recorded_at: Date;
  xid_text: string;
}

const COLUMNS = `global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
  occurred_at, recorded_at, transaction_id::text AS xid_text`;
// The text copy of the xid has its own name: an output column named transaction_id would make
// ORDER BY transaction_id sort as text ('1000' < '824') and the feed would skip events.

/**
 * PostgreSQL adapter. An append is one round trip to a server-side function that checks the
 * expected version and inserts the batch in the caller's transaction (autocommit by default).
 */
export class PostgresEventStore implements EventStore, TransactionalAppend {
  /** event ids are unique across all streams: a unique index on events.event_id */
  static readonly capabilities: EventStoreCapabilities = { eventIdsUniqueAcrossStreams: true };
  readonly capabilities = PostgresEventStore.capabilities;

  constructor(private readonly pool: Pool) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    try {
      return await this.callAppend(this.pool, streamId, events, expected);
    } catch (error) {
      // Two concurrent retries of the same event ids: the loser sees the unique index, and on a
      // second look finds the winner's events, which makes it an idempotent success.
      if (pgCode(error) === UNIQUE_VIOLATION && constraintOf(error) === 'events_event_id_key') {
        return this.callAppend(this.pool, streamId, events, expected);
      }
      throw error;
    }
  }

  /** Appends inside a transaction the caller owns (used where an append must commit with other rows). */
  appendWithin(client: PoolClient, streamId: string, events: NewEvent[], expected: ExpectedVersion) {
    return this.callAppend(client, streamId, events, expected);
  }

  private async callAppend(
    db: Pool | PoolClient,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const expectedArg = expected.kind === 'any' ? -1 : expected.kind === 'no-stream' ? 0 : expected.version;
    if (expected.kind === 'exact' && (!Number.isInteger(expected.version) || expected.version < 1)) {
      throw new Error('an exact expected version is a whole number >= 1; use no-stream for an empty stream');
    }
    try {
      const { rows } = await db.query<{ next_version: string; already_appended: boolean }>(
        `SELECT next_version, already_appended
           FROM append_events($1, $2, $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])`,
        [
          streamId,
          expectedArg,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => e.schemaVersion),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map((e) => e.occurredAt.toISOString()),
        ],
      );
      return { nextExpectedVersion: Number(rows[0].next_version), alreadyAppended: rows[0].already_appended };
    } catch (error) {
      if (pgCode(error) === WRONG_EXPECTED_VERSION) throw new ConcurrencyError(streamId, expected);
      if (pgCode(error) === PARTIAL_DUPLICATE) throw new DuplicateEventIdError(streamId);
      throw error;
    }
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    return this.readStreamWithin(this.pool, streamId, fromVersion);
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    if (streamIds.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    const byStream = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.stream_id)!.push(toRecorded(row));
    // a stream named twice gets the same events twice, as two readStream calls would
    return streamIds.map((id) => [...byStream.get(id)!]);
  }

  /** A stream as a transaction the caller holds sees it, its own uncommitted appends included. */
  async readStreamWithin(db: Pool | PoolClient, streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map(toRecorded);
  }

  /**
   * Pages by (writing transaction id, global position) and only shows transactions older than the
   * oldest one still running. A transaction that took its global position early but commits late is
   * therefore delivered after it commits instead of being skipped by a cursor that moved past it.
   */
  async readAll(cursor: Cursor, limit: number): Promise<ReadAllPage> {
    return this.readAllWithin(this.pool, cursor, limit);
  }

  /**
   * The same feed read on a connection the caller holds (a projection batch reads inside its own
   * transaction, so a batch never needs a second connection and runners cannot starve the pool).
   */
  async readAllWithin(db: Pool | PoolClient, cursor: Cursor, limit: number): Promise<ReadAllPage> {
    const [xid, position] = decodeCursor(cursor);
    const { rows } = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id, events.global_position
        LIMIT $3`,
      [xid, position, limit],
    );
    if (rows.length === 0) return { events: [], cursor };
    const last = rows[rows.length - 1];
    return { events: rows.map(toRecorded), cursor: encodeCursor(last.xid_text, last.global_position) };
  }

  /**
   * Counts in the feed's own (transaction id, position) order and visibility rule, at most `cap` rows, so a
   * projection far behind (during a rebuild) costs a bounded query.
   */
  async pendingAfter(cursor: Cursor, cap: number): Promise<PendingEvents> {
    const [xid, position] = decodeCursor(cursor);
    const { rows } = await this.pool.query<{ behind: string; oldest: Date | null }>(
      `SELECT count(*) AS behind, min(recorded_at) AS oldest FROM (
         SELECT recorded_at FROM events
          WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id, global_position LIMIT $3) pending`,
      [xid, position, cap],
    );
    return { count: Number(rows[0].behind), oldestRecordedAt: rows[0].oldest };
  }
}

export function encodeCursor(transactionId: string, globalPosition: string | bigint): Cursor {
  return `${transactionId}:${globalPosition}`;
}

export function decodeCursor(cursor: Cursor): [string, string] {
  if (cursor === START) return ['0', '0'];
  const match = /^(\d+):(\d+)$/.exec(cursor);
  if (!match) throw new Error('not a PostgreSQL event store cursor');
  return [match[1], match[2]];
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: BigInt(row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function constraintOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'constraint' in error
    ? String(error.constraint)
    : undefined;
}
