import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from './config/config';
import { PersonalDataVault } from './crypto/personal-data-vault';
import { Database } from './database/database';
import { LOGGER } from './logging/logger';

export const PG_POOL = Symbol('PG_POOL');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  // Runs after every module's onModuleDestroy/beforeApplicationShutdown, so workers have drained.
  async onApplicationShutdown() {
    await this.database.close();
  }
}

/** Configuration, logging, the database pool and the personal-data vault, shared by every app. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: Database, useFactory: () => Database.open(config, logger) },
        { provide: PG_POOL, useFactory: (database: Database) => database.pool, inject: [Database] },
        {
          provide: PersonalDataVault,
          useFactory: (database: Database) =>
            new PersonalDataVault(database.pool, config.masterKey, config.cprLookupKey),
          inject: [Database],
        },
        DatabaseLifecycle,
      ],
      exports: [APP_CONFIG, LOGGER, Database, PG_POOL, PersonalDataVault],
    };
  }
}
