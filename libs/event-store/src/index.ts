export * from './port';
export * from './postgres/postgres-event-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './event-store.module';
export * from './stream-command';
export * from './transactional-append';
export * from './pending-after';
export * from './create-event-store';
