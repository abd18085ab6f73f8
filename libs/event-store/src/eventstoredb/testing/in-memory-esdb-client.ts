import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  ANY,
  AppendExpectedRevision,
  Direction,
  EventData,
  EventStoreDBClient,
  NO_STREAM,
  Position,
  ReadPosition,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

interface LogEntry {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  created: Date;
  position: Position;
}

/**
 * A stand-in for the parts of the EventStoreDB client the adapter uses, with the server's rules as its
 * documentation states them: a per-stream revision from 0, WrongExpectedVersionError on a mismatch,
 * idempotent success when the same ids are appended again at the same expected revision, and for ANY the
 * worst case of its best-effort idempotence (appended again), one $all log in commit order with reads that include the start position, and the
 * server's own events interleaved (system streams and $-types). It lets the contract run without a server;
 * it is no proof that a real server behaves the same, which is what the int-spec is for.
 */
export class InMemoryEsdbClient {
  readonly log: LogEntry[] = [];
  private nextPosition = 1000n;
  private readonly live = new Set<EventEmitter & { fromCommit: bigint }>();
  /** how many of the next subscriptions fail at once, as if the server could not be reached */
  failNextSubscriptions = 0;

  constructor() {
    this.writeSystemEvent('$users', '$User');
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async dispose(): Promise<void> {
    for (const subscription of this.live) subscription.emit('end');
    this.live.clear();
  }

  /** Appends by the server's rules. Yields to the event loop first, so concurrent calls interleave. */
  async appendToStream(
    streamName: string,
    events: EventData[],
    { expectedRevision = ANY }: { expectedRevision?: AppendExpectedRevision } = {},
  ) {
    await new Promise((resolve) => setImmediate(resolve));
    const stream = this.log.filter((e) => e.streamId === streamName);
    const current = stream.length === 0 ? NO_STREAM : stream[stream.length - 1].revision;
    const matches = expectedRevision === ANY || expectedRevision === current;
    if (!matches) {
      const start = expectedRevision === NO_STREAM ? 0 : Number(expectedRevision) + 1;
      const there = stream.slice(start, start + events.length);
      const idempotent =
        typeof expectedRevision !== 'string' || expectedRevision === NO_STREAM
          ? there.length === events.length && there.every((e, i) => e.id === events[i].id)
          : false;
      if (idempotent) {
        return { success: true, nextExpectedRevision: there[there.length - 1].revision };
      }
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        current,
        expected: expectedRevision,
      } as never);
    }
    let revision = current === NO_STREAM ? -1n : current;
    let position: Position | undefined;
    for (const event of events) {
      revision += 1n;
      position = this.take();
      this.log.push({
        streamId: streamName,
        id: event.id,
        revision,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        created: new Date(),
        position,
      });
    }
    // The server writes its own events between ours now and then.
    if (this.log.length % 7 === 0) this.writeSystemEvent(`$$${streamName}`, '$metadata');
    this.notify();
    return { success: true, nextExpectedRevision: revision, position };
  }

  readStream(streamName: string, { fromRevision = 0n }: { fromRevision?: bigint } = {}) {
    const stream = this.log.filter((e) => e.streamId === streamName);
    const entries = stream.filter((e) => e.revision >= fromRevision);
    return (async function* () {
      await new Promise((resolve) => setImmediate(resolve));
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      for (const entry of entries) yield { event: toRecorded(entry) };
    })();
  }

  readAll({
    fromPosition = 'start',
    maxCount = Number.MAX_SAFE_INTEGER,
    direction = 'forwards',
  }: { fromPosition?: ReadPosition; maxCount?: number | bigint; direction?: Direction } = {}) {
    let entries: LogEntry[];
    if (direction === 'backwards') {
      const upTo =
        fromPosition === 'end' ? this.nextPosition : fromPosition === 'start' ? -1n : fromPosition.commit;
      entries = this.log.filter((e) => e.position.commit <= upTo).reverse();
    } else {
      const from =
        fromPosition === 'start' ? -1n : fromPosition === 'end' ? this.nextPosition : fromPosition.commit;
      entries = this.log.filter((e) => e.position.commit >= from);
    }
    entries = entries.slice(0, Number(maxCount));
    return (async function* () {
      await new Promise((resolve) => setImmediate(resolve));
      for (const entry of entries) yield { event: toRecorded(entry) };
    })();
  }

  /** Live only (the adapter subscribes from the end or from a position it saw), with the system-event filter. */
  subscribeToAll({ fromPosition = 'end' }: { fromPosition?: ReadPosition } = {}) {
    const subscription = Object.assign(new EventEmitter(), {
      fromCommit:
        fromPosition === 'end' || fromPosition === 'start' ? this.nextPosition : fromPosition.commit + 1n,
      unsubscribe: async () => {
        this.live.delete(subscription);
      },
    });
    if (this.failNextSubscriptions > 0) {
      this.failNextSubscriptions -= 1;
      setImmediate(() => subscription.emit('error', new Error('14 UNAVAILABLE: connection dropped')));
      return subscription;
    }
    this.live.add(subscription);
    // Replays what it missed since the position it was given, as a catch-up subscription does.
    setImmediate(() => this.deliver(subscription));
    return subscription;
  }

  /** Drops every live subscription as a lost connection would. */
  dropSubscriptions(): void {
    for (const subscription of [...this.live]) {
      this.live.delete(subscription);
      subscription.emit('error', new Error('14 UNAVAILABLE: connection dropped'));
    }
  }

  private notify() {
    for (const subscription of this.live) this.deliver(subscription);
  }

  private deliver(subscription: EventEmitter & { fromCommit: bigint }) {
    if (!this.live.has(subscription)) return;
    for (const entry of this.log) {
      if (entry.position.commit < subscription.fromCommit) continue;
      subscription.fromCommit = entry.position.commit + 1n;
      if (entry.streamId.startsWith('$') || entry.type.startsWith('$')) continue;
      subscription.emit('data', { event: toRecorded(entry) });
    }
  }

  private writeSystemEvent(streamId: string, type: string) {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    this.log.push({
      streamId,
      id: randomUUID(),
      revision,
      type,
      data: {},
      metadata: {},
      created: new Date(),
      position: this.take(),
    });
  }

  private take(): Position {
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 137n; // positions are byte offsets in the log: they grow, not by one
    return position;
  }
}

function toRecorded(entry: LogEntry) {
  return { ...entry, isJson: true as const, metadata: asJson(entry.metadata), data: asJson(entry.data) };
}

/** The server stores JSON: what comes back is what JSON can carry. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
