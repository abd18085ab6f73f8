import { EventMetadata, EventStore, ExpectedVersion, NewEvent, RecordedEvent } from './port';

/** The shape every domain event has: an explicit type string and a plain data object. */
export interface TypedEvent {
  type: string;
  data: { occurredAt: string } & Record<string, unknown>;
}

export interface StreamDecider<Command, State, Event extends TypedEvent> {
  decide(command: Command, state: State, now: Date): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Turns stored events back into domain events (upcasting old schema versions on the way). */
export interface EventCodec<Event extends TypedEvent> {
  decode(recorded: RecordedEvent): Event;
  schemaVersion(type: Event['type']): number;
  /** metadata that depends on the event type (e.g. its legal basis) */
  metadataOf?(event: Event): Record<string, unknown>;
}

export interface CommandEnvelope {
  now: Date;
  metadata: EventMetadata;
  newId: () => string;
}

/**
 * Load, fold, decide, append with the version that was read. A concurrent writer makes the append
 * fail with ConcurrencyError instead of letting a decision rest on stale state.
 */
export async function executeOnStream<Command, State, Event extends TypedEvent>(
  store: EventStore,
  codec: EventCodec<Event>,
  streamId: string,
  decider: StreamDecider<Command, State, Event>,
  command: Command,
  envelope: CommandEnvelope,
): Promise<{ events: Event[]; version: number }> {
  return decideAndAppend(
    store,
    codec,
    streamId,
    decider,
    command,
    envelope,
    await loadState(store, codec, streamId, decider),
  );
}

/**
 * Decide on state already loaded from `streamId` (at `version`) and append with that version: for a caller that
 * read the stream together with others in one round trip (readStreams). The same concurrency guarantee as
 * executeOnStream: a write since the read fails the append.
 */
export async function decideAndAppend<Command, State, Event extends TypedEvent>(
  store: EventStore,
  codec: EventCodec<Event>,
  streamId: string,
  decider: StreamDecider<Command, State, Event>,
  command: Command,
  envelope: CommandEnvelope,
  { state, version }: { state: State; version: number },
): Promise<{ events: Event[]; version: number }> {
  const events = decider.decide(command, state, envelope.now);
  if (events.length === 0) return { events, version };
  const result = await store.append(
    streamId,
    toNewEvents(codec, events, envelope),
    ExpectedVersion.fromVersion(version),
  );
  return { events, version: result.nextExpectedVersion };
}

/** Decided domain events as the store appends them: ids from the envelope, schema version and metadata. */
export function toNewEvents<Event extends TypedEvent>(
  codec: EventCodec<Event>,
  events: readonly Event[],
  envelope: CommandEnvelope,
): NewEvent[] {
  return events.map((event) => ({
    id: envelope.newId(),
    type: event.type,
    schemaVersion: codec.schemaVersion(event.type),
    data: event.data,
    metadata: { ...envelope.metadata, ...codec.metadataOf?.(event) },
    occurredAt: new Date(event.data.occurredAt),
  }));
}

export async function loadState<State, Event extends TypedEvent>(
  store: EventStore,
  codec: EventCodec<Event>,
  streamId: string,
  decider: Pick<StreamDecider<unknown, State, Event>, 'evolve' | 'initialState'>,
): Promise<{ state: State; version: number }> {
  return foldStream(codec, decider, await store.readStream(streamId));
}

/** A stream's recorded events folded into state, with the version an append after them must expect. */
export function foldStream<State, Event extends TypedEvent>(
  codec: EventCodec<Event>,
  decider: Pick<StreamDecider<unknown, State, Event>, 'evolve' | 'initialState'>,
  recorded: readonly RecordedEvent[],
): { state: State; version: number } {
  const state = recorded.map((r) => codec.decode(r)).reduce(decider.evolve, decider.initialState());
  return { state, version: recorded.length === 0 ? 0 : recorded[recorded.length - 1].streamVersion };
}
