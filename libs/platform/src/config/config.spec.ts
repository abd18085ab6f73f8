import { generateKey, loadConfig } from './config';

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
