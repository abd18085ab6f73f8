export * from './cloud-event';
export * from './feed.query';
export * from './item';
export * from './item-access';
export * from './notification-items.projection';
export * from './recipients';
export * from './subscription-secrets';
