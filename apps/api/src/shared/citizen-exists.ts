import { citizenStreamId } from '@hf/domain';
import { EventStore } from '@hf/event-store';
import { ProblemException } from '../http/problem';

export async function assertCitizenExists(store: EventStore, citizenId: string): Promise<void> {
  const events = await store.readStream(citizenStreamId(citizenId));
  if (events.length === 0) throw citizenNotFound();
}

export function citizenNotFound() {
  return ProblemException.of(
    404,
    'citizen-not-found',
    'Citizen not found',
    'No citizen is registered with this id.',
  );
}
