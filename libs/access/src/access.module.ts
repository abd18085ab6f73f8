import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { AccessPolicy } from './access-policy';
import { Authenticator } from './authenticator';
import { PrincipalRegistry } from './principal-registry';

@Global()
@Module({
  providers: [
    AccessPolicy,
    {
      provide: PrincipalRegistry,
      useFactory: (pool: Pool) => new PrincipalRegistry(pool),
      inject: [PG_POOL],
    },
    {
      provide: Authenticator,
      useFactory: (registry: PrincipalRegistry, config: AppConfig) =>
        new Authenticator(registry, config.oidc),
      inject: [PrincipalRegistry, APP_CONFIG],
    },
  ],
  exports: [AccessPolicy, PrincipalRegistry, Authenticator],
})
export class AccessModule {}
