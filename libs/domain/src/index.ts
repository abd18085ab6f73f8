export * from './decider';
export * from './errors';
export * from './cpr';
export * from './municipalities';
export * from './citizen/citizen';
export * from './shelter-stay/shelter-stay';
// DomainEvent (= CitizenEvent | ShelterStayEvent) lives in the catalog next to its schema versions.
export * from './catalog';
export * from './process';
export * from './rules';
export * from './timeline/summaries';
export * from './identity/record-links';
export * from './break-glass/break-glass';
