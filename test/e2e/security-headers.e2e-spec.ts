import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, TestApp } from '../support/test-app';

/** Security headers on every API response, errors included; the Swagger UI under /docs still loads. */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  function expectApiHeaders(res: LightMyRequestResponse) {
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
  }

  it('sends them on a 200', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ alias: 'Headers', handlekommune: '101' }),
    });
    expect(res.statusCode).toBe(201);
    expectApiHeaders(res);
    const timeline = await t.request({ method: 'GET', url: `/citizens/${res.json().citizenId}/timeline` });
    expect(timeline.statusCode).toBe(200);
    expectApiHeaders(timeline);
  });

  it('sends them on a 404 problem', async () => {
    const res = await t.request({ method: 'GET', url: '/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expectApiHeaders(res);
  });

  it('sends them on a 400 problem, from validation and from the body parser', async () => {
    const invalid = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ handlekommune: '999' }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expectApiHeaders(invalid);
    const malformed = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: '{"handlekommune":',
    });
    expect(malformed.statusCode).toBe(400);
    expectApiHeaders(malformed);
  });

  it('lets the Swagger UI load: same-origin scripts only, inline styles allowed, still unframeable', async () => {
    const page = await t.request({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self'[^;]* 'unsafe-inline'/);
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    // The policy allows no inline script, so every script must be a file the server itself serves.
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      expect(src).toMatch(/^\.?\/docs\//);
      const asset = await t.request({ method: 'GET', url: new URL(src!, 'http://x/docs').pathname });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toContain('javascript');
    }
    const document = await t.request({ method: 'GET', url: '/docs-json' });
    expect(document.statusCode).toBe(200);
  });
});
