import {
  assertPersonalDataNotErased,
  citizenDecider,
  citizenStreamId,
  type RegisteredCitizenState,
} from '@hf/domain';
import { EventStore, foldStream, RecordedEvent } from '@hf/event-store';
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

export function citizenNotFound() {
  return ProblemException.of(
    404,
    'citizen-not-found',
    'Citizen not found',
    'No citizen is registered with this id.',
  );
}
