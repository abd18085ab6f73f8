import {
  assertPersonalDataNotErased,
  citizenDecider,
  citizenStreamId,
  type RegisteredCitizenState,
} from '@hf/domain';
import {
  CommandEnvelope,
  decideAndAppend,
  EventCodec,
  EventStore,
  foldStream,
  readStreams,
  RecordedEvent,
  StreamDecider,
  TypedEvent,
} from '@hf/event-store';
import { ProblemException } from '../http/problem';
import { domainCodec } from './domain-codec';

export async function assertCitizenExists(store: EventStore, citizenId: string): Promise<void> {
  const events = await store.readStream(citizenStreamId(citizenId));
  if (events.length === 0) throw citizenNotFound();
}

/**
 * The citizen a write is about: 404 when no such citizen is registered, 409 citizen-erased when the record's
 * personal data has been erased (no process records anything more for an erased record; see
 * assertPersonalDataNotErased). Reads do not use this: an erased record can still be read, without personal data.
 */
export async function loadWritableCitizen(
  store: EventStore,
  citizenId: string,
): Promise<RegisteredCitizenState> {
  return writableCitizen(await store.readStream(citizenStreamId(citizenId)));
}

/** The same check on the citizen's record as already read (e.g. together with a process stream). */
export function writableCitizen(recorded: readonly RecordedEvent[]): RegisteredCitizenState {
  const { state } = foldStream(domainCodec, citizenDecider, recorded);
  if (!state.registered) throw citizenNotFound();
  assertPersonalDataNotErased(state);
  return state;
}

/**
 * A command about a citizen, on one of the citizen's process streams: reads the citizen's record and that stream in
 * one round trip, refuses a citizen that is not writable (404, 409 citizen-erased), builds the command from the
 * record, decides on the stream's state and appends with the version read (a concurrent write fails the append).
 */
export async function executeForCitizen<Command, State, Event extends TypedEvent>(
  store: EventStore,
  citizenId: string,
  streamId: string,
  decider: StreamDecider<Command, State, Event>,
  commandFor: (citizen: RegisteredCitizenState) => Command | Promise<Command>,
  envelope: CommandEnvelope,
): Promise<{ events: Event[]; version: number }> {
  const [citizenEvents, streamEvents] = await readStreams(store, [citizenStreamId(citizenId), streamId]);
  const command = await commandFor(writableCitizen(citizenEvents!));
  const codec = domainCodec as unknown as EventCodec<Event>;
  return decideAndAppend(
    store,
    codec,
    streamId,
    decider,
    command,
    envelope,
    foldStream(codec, decider, streamEvents!),
  );
}

export function citizenNotFound() {
  return ProblemException.of(
    404,
    'citizen-not-found',
    'Citizen not found',
    'No citizen is registered with this id.',
  );
}
