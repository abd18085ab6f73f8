import { EventStore, RecordedEvent } from './port';

/**
 * Whole streams, in the order asked: with the store's own `readStreams` when it has one (one round trip), else one
 * readStream per stream, concurrently.
 */
export function readStreams(store: EventStore, streamIds: readonly string[]): Promise<RecordedEvent[][]> {
  if (store.readStreams) return store.readStreams(streamIds);
  return Promise.all(streamIds.map((id) => store.readStream(id)));
}
