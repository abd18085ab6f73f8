import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Rate limiting per principal: a credential's requests count against that credential, health and
 * metrics are never limited, and a 429 is problem+json with Retry-After and RateLimit headers.
 */
describe('rate limiting', () => {
  const LIMIT = 3;
  // Fake credentials: the limiter runs before authentication and keys on the header value alone. Each
  // test exhausts a credential of its own, so no test depends on another's bucket or on the clock.
  const jwt = (subject: string) =>
    `Bearer eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: subject })).toString('base64url')}.c2ln`;
  const apiKey = (name: string) => `Bearer hfk_rate-limit-test-${name}`;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimitPerMinute: LIMIT });
  });
  afterAll(() => t.close());

  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  const timeline = (authorization: string, extra: Partial<InjectOptions> = {}) =>
    t.request({
      method: 'GET',
      url: '/citizens/0193a4c2-0000-7000-8000-000000000001/timeline',
      headers: { authorization },
      ...extra,
    });
  /** Uses up a credential's requests; none of them may be refused yet. */
  async function exhaust(authorization: string, extra: Partial<InjectOptions> = {}) {
    const responses: LightMyRequestResponse[] = [];
    for (let i = 0; i < LIMIT; i++) responses.push(await timeline(authorization, extra));
    expect(responses.map((r) => r.statusCode)).not.toContain(429);
    return responses;
  }

  it('answers the request over the limit with 429 problem+json, Retry-After and RateLimit headers', async () => {
    const allowed = await exhaust(jwt('alice'));
    expect(allowed[0].headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(allowed[0].headers['ratelimit-remaining']).toBe(String(LIMIT - 1));

    const refused = await timeline(jwt('alice'));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      type: '/problems/too-many-requests',
      title: 'Too many requests',
      status: 429,
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['ratelimit-reset'])).toBeGreaterThan(0);
    // The refusal is an API response like any other.
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keys on the credential, not the address: a new address does not reset it', async () => {
    await exhaust(jwt('bob'), { remoteAddress: '192.0.2.1' });
    expect((await timeline(jwt('bob'), { remoteAddress: '192.0.2.77' })).statusCode).toBe(429);
  });

  it('gives each credential a bucket of its own', async () => {
    await exhaust(apiKey('system-a'));
    expect((await timeline(apiKey('system-a'))).statusCode).toBe(429);
    expect((await timeline(apiKey('system-b'))).statusCode).not.toBe(429);
    expect((await timeline(jwt('carol'))).statusCode).not.toBe(429);
  });

  it('appends nothing for a refused write', async () => {
    await exhaust(jwt('dave'));
    const before = await eventCount();
    const res = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { authorization: jwt('dave'), 'content-type': 'application/json' },
      payload: JSON.stringify({ alias: 'Rate limited', handlekommune: '101' }),
    });
    expect(res.statusCode).toBe(429);
    expect(await eventCount()).toBe(before);
  });

  it('never limits health and metrics, even for an exhausted credential', async () => {
    await exhaust(jwt('erin'));
    for (const url of ['/health', '/health/live', '/health/ready', '/metrics']) {
      const responses: LightMyRequestResponse[] = [];
      for (let i = 0; i < LIMIT + 2; i++) {
        responses.push(await t.request({ method: 'GET', url, headers: { authorization: jwt('erin') } }));
      }
      expect(responses.map((r) => r.statusCode)).not.toContain(429);
      expect(responses[0].headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('never writes a credential into the logs', () => {
    const logs = t.logLines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('hfk_rate-limit-test');
    expect(logs).not.toContain('eyJhbGciOiJFUzI1NiJ9');
  });
});
