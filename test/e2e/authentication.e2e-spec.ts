import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { PrincipalRegistry } from '../../libs/access/src';
import { startTestApp, TestApp } from '../support/test-app';

const ISSUER = 'https://login.test.kk.dk';
const AUDIENCE = 'housing-first-api';

describe('authentication: people by OIDC token, systems by API key', () => {
  let t: TestApp;
  let registry: PrincipalRegistry;
  let signingKey: KeyLike;
  let strangerKey: KeyLike;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    signingKey = keys.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    t = await startTestApp({
      oidc: { issuer: ISSUER, audience: AUDIENCE, publicKeyPem: await exportSPKI(keys.publicKey) },
    });
    registry = t.app.get(PrincipalRegistry);
    await registry.createPrincipal({
      kind: 'person',
      unitId: 'test-benefits',
      displayName: 'Ydelsesmedarbejder',
      oidcIssuer: ISSUER,
      oidcSubject: 'kk-ydelse-7',
    });
  });
  afterAll(() => t.close());

  const queue = (authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/benefits/fast-track-queue?municipality=101',
      headers: authorization === undefined ? {} : { authorization },
    });
  const token = (claims: {
    sub?: string;
    iss?: string;
    aud?: string;
    exp?: string | number;
    key?: KeyLike;
  }) => {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m');
    jwt.setSubject(claims.sub ?? 'kk-ydelse-7');
    return jwt.sign(claims.key ?? signingKey);
  };
  const expectUnauthenticated = (res: Awaited<ReturnType<typeof queue>>) => {
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.json()).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
  };

  it('lets a person in with a valid token, acting for the unit registered for their subject', async () => {
    const res = await queue(`Bearer ${await token({})}`);
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['no credentials', async () => undefined],
    ['another scheme', async () => 'Basic dXNlcjpwYXNz'],
    ['an expired token', async () => `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 120 })}`],
    ['another audience', async () => `Bearer ${await token({ aud: 'some-other-api' })}`],
    ['another issuer', async () => `Bearer ${await token({ iss: 'https://evil.example' })}`],
    ['a signature by another key', async () => `Bearer ${await token({ key: strangerKey })}`],
    ['an unknown person', async () => `Bearer ${await token({ sub: 'nobody' })}`],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    ['an unknown API key', async () => `Bearer hfk_0123456789abcdef_${'A'.repeat(43)}`],
  ])('refuses %s with 401 problem+json', async (_name, credentials) => {
    expectUnauthenticated(await queue(await credentials()));
  });

  it('keeps health and metrics public', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });

  it('rotates an API key with a grace period and revokes a key at once', async () => {
    await registry.upsertUnit({ id: 'ydelse-kbh', type: 'benefits', municipality: '101', name: 'Ydelse' });
    const system = await registry.createPrincipal({
      kind: 'system',
      unitId: 'ydelse-kbh',
      displayName: 'KMD Ydelse',
    });
    const first = await registry.issueApiKey(system);
    expect((await queue(`Bearer ${first.apiKey}`)).statusCode).toBe(200);

    const second = await registry.rotateApiKeys(system, 3600);
    expect((await queue(`Bearer ${first.apiKey}`)).statusCode).toBe(200); // within the grace period
    expect((await queue(`Bearer ${second.apiKey}`)).statusCode).toBe(200);
    const third = await registry.rotateApiKeys(system, 0);
    expectUnauthenticated(await queue(`Bearer ${second.apiKey}`)); // no grace: gone at once
    expect((await queue(`Bearer ${third.apiKey}`)).statusCode).toBe(200);

    expect(await registry.revokeApiKey(third.keyId)).toBe(true);
    expectUnauthenticated(await queue(`Bearer ${third.apiKey}`));
    // a key whose secret part is wrong is refused even though its id exists
    expectUnauthenticated(await queue(`Bearer hfk_${first.keyId}_${'B'.repeat(43)}`));
  });

  it('stores only a hash of each key', async () => {
    const system = await registry.createPrincipal({
      kind: 'system',
      unitId: 'test-jobcentre',
      displayName: 'x',
    });
    const { apiKey, keyId } = await registry.issueApiKey(system);
    const { rows } = await t.db.pool.query(
      'SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = $1',
      [keyId],
    );
    expect(rows[0].row).not.toContain(apiKey.slice('hfk_0123456789abcdef_'.length));
  });

  it('never logs the credentials', () => {
    const secretParts = Object.values(t.keys).map((k) => k.slice('hfk_0123456789abcdef_'.length));
    expect(t.logLines.filter((line) => secretParts.some((s) => line.includes(s)))).toEqual([]);
  });

  // Last in the file: it uses up this address's allowance of failures.
  it('holds off an address that keeps presenting made-up credentials (each would have its own rate-limit bucket)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (await queue(`Bearer hfk_${i.toString(16).padStart(16, '0')}_${'C'.repeat(43)}`)).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
    const held = await queue(`Bearer hfk_ffffffffffffffff_${'D'.repeat(43)}`);
    expect(held.statusCode).toBe(429);
    expect(held.headers['content-type']).toContain('application/problem+json');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
  });
});
