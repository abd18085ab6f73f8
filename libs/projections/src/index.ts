export * from './projection';
export * from './projection-runner';
export * from './timeline/timeline.projection';
export * from './projections.module';
export * from './citizen-links/citizen-links.projection';
export * from './projection-lag';
export * from './projection-names';
