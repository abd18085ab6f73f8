import type { EventStore } from '../../libs/event-store/src';

/**
 * A store that offers exactly the port and nothing of its adapter (no appendWithin, readAllWithin, pendingAfter):
 * how an EventStoreDB/KurrentDB store looks to the rest of the app. Wrapping the PostgreSQL adapter this way tests
 * the code paths such a store takes, here, where no EventStoreDB server can run.
 */
export function portOnly(store: EventStore): EventStore {
  return {
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: (streamId, fromVersion) => store.readStream(streamId, fromVersion),
    readAll: (cursor, limit) => store.readAll(cursor, limit),
  };
}
