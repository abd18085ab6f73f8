export * from './config/config';
export * from './crypto/personal-data-vault';
export * from './database/database';
export * from './database/embedded';
export * from './database/migrate';
export * from './logging/logger';
export * from './platform.module';
export * from './database/migrations';
