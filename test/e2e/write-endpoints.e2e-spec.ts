import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every write endpoint in the OpenAPI document, whatever process it belongs to, answers a malformed body
 * with 400 problem+json (a FHIR route with a 400 OperationOutcome) and appends nothing. New endpoints are covered
 * without touching this file.
 */
describe('every write endpoint refuses malformed bodies', () => {
  let t: TestApp;
  let writes: Array<{ method: string; path: string }>;
  let citizenId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.request({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    writes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    const registered = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ alias: 'Malformed', handlekommune: '101' }),
    });
    citizenId = registered.json<{ citizenId: string }>().citizenId;
  });
  afterAll(() => t.close());

  const url = (path: string) =>
    path.replace('{citizenId}', citizenId).replace(/\{[^}]+\}/g, '0193a4c2-0000-7000-8000-000000000abc');
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );

  it('finds the write endpoints in the OpenAPI document', () => {
    expect(writes.length).toBeGreaterThanOrEqual(6);
    expect(writes).toContainEqual({ method: 'POST', path: '/citizens' });
  });

  const bodies: Array<[string, string]> = [
    ['broken JSON', '{"occurredAt": '],
    ['a JSON array', '[1, 2, 3]'],
    ['an unknown field', JSON.stringify({ surelyNotAField: true })],
    ['a wrongly typed occurredAt', JSON.stringify({ occurredAt: 42 })],
  ];

  it.each(bodies)(
    'answers %s with 400 problem+json on every write endpoint and appends nothing',
    async (_, payload) => {
      const before = await eventCount();
      const failures: string[] = [];
      for (const { method, path } of writes) {
        const res = await t.request({
          method: method as 'POST',
          url: url(path),
          headers: { 'content-type': 'application/json' },
          payload,
        });
        // FHIR routes answer refusals as a FHIR OperationOutcome (application/fhir+json) instead.
        const isProblem = path.startsWith('/fhir/')
          ? String(res.headers['content-type']).includes('application/fhir+json') &&
            res.json<{ resourceType?: string }>().resourceType === 'OperationOutcome'
          : String(res.headers['content-type']).includes('application/problem+json');
        if (res.statusCode !== 400 || !isProblem)
          failures.push(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
      expect(await eventCount()).toBe(before);
    },
  );
});
