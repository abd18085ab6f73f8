export * from './alert';
export * from './facts';
export * from './rule';
export * from './thresholds';
export * from './engine';
export * from './rules';
