import { generateKey, loadConfig, withoutCredentials } from './config';

const production = { NODE_ENV: 'production', MASTER_KEY: generateKey(), CPR_LOOKUP_KEY: generateKey() };

describe('configuration', () => {
  it('runs in demo mode by default on a developer machine, never in production', () => {
    expect(loadConfig({}).demoMode).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(loadConfig(production).demoMode).toBe(false);
    expect(() => loadConfig({ ...production, DEMO_MODE: 'true' })).toThrow(/DEMO_MODE cannot be used/);
  });

  it('accepts people by OIDC only when issuer, audience and a key source are all given', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp' })).toThrow(/OIDC_AUDIENCE/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'api' })).toThrow(/OIDC_JWKS_URL/);
    expect(
      loadConfig({ OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'api', OIDC_JWKS_URL: 'https://idp/jwks' })
        .oidc,
    ).toEqual({ issuer: 'https://idp', audience: 'api', jwksUrl: 'https://idp/jwks' });
    expect(
      loadConfig({ OIDC_ISSUER: 'https://idp', OIDC_AUDIENCE: 'api', OIDC_PUBLIC_KEY: 'line1\\nline2' }).oidc
        ?.publicKeyPem,
    ).toBe('line1\nline2');
  });
});

describe('event store selection', () => {
  it('uses PostgreSQL unless EVENT_STORE says eventstoredb', () => {
    expect(loadConfig({}).eventStore).toEqual({ kind: 'postgres' });
    expect(loadConfig({ EVENT_STORE: 'postgres' }).eventStore).toEqual({ kind: 'postgres' });
    expect(
      loadConfig({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://kurrentdb:2113?tls=false',
      }).eventStore,
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://kurrentdb:2113?tls=false' });
  });

  it('refuses an unknown store, a missing connection string and one of another kind', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kafka' })).toThrow(
      /EVENT_STORE must be postgres or eventstoredb/,
    );
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING must be set/,
    );
    expect(() =>
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'postgres://u:secret@db/hf' }),
    ).toThrow(/must look like esdb:\/\//);
  });

  it('never repeats the connection string, which may hold a password, in its error', () => {
    expect(() =>
      loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://admin:s3cret@host' }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('s3cret') }));
  });

  it('strips user and password for logging, also from a cluster string', () => {
    expect(withoutCredentials('esdb://admin:changeit@kurrentdb:2113?tls=false')).toBe(
      'esdb://kurrentdb:2113?tls=false',
    );
    expect(withoutCredentials('esdb+discover://admin:p%40ss@a:2113,b:2113?tls=true')).toBe(
      'esdb+discover://a:2113,b:2113?tls=true',
    );
    expect(withoutCredentials('esdb://admin:p@ss@kurrentdb:2113')).toBe('esdb://kurrentdb:2113');
    expect(withoutCredentials('esdb://kurrentdb:2113?tls=false')).toBe('esdb://kurrentdb:2113?tls=false');
  });
});
