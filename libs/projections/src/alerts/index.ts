export * from './alert-store';
export * from './alert-engine.projection';
export * from './alert-timers';
export * from './alerts-inbox.projection';
export * from './alerts-inbox.query';
export * from './alert-projections';
