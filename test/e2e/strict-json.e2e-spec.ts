import { startTestApp, TestApp } from '../support/test-app';

/**
 * Request bodies are parsed strictly (apps/api/src/http/json-body.ts): every refusal is problem+json and
 * appends nothing. The deep-nesting case answered 500 before the strict parser existed.
 */
describe('strict JSON bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  const register = (payload: string | Buffer, contentType: string | string[] = 'application/json') =>
    t.request({ method: 'POST', url: '/citizens', headers: { 'content-type': contentType }, payload });
  const valid = { alias: 'Strict', handlekommune: '101' };
  const withValid = (extra: string) => `{"alias":"Strict","handlekommune":"101",${extra}}`;

  async function expectRefused(
    response: Promise<Awaited<ReturnType<typeof register>>>,
    status: number,
    type: string,
  ) {
    const before = await eventCount();
    const res = await response;
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, type });
    expect(await eventCount()).toBe(before);
    return res.json();
  }

  it('still records a valid body, with or without charset=utf-8', async () => {
    expect((await register(JSON.stringify(valid))).statusCode).toBe(201);
    expect((await register(JSON.stringify(valid), 'application/json; charset=utf-8')).statusCode).toBe(201);
  });

  it('refuses __proto__ keys, at the top and nested', async () => {
    const top = await expectRefused(
      register(withValid('"__proto__":{"isAdmin":true}')),
      400,
      '/problems/validation-failed',
    );
    expect(top.errors).toEqual([{ pointer: '/__proto__', detail: 'forbidden field name' }]);
    const nested = await expectRefused(
      t.request({
        method: 'POST',
        url: '/citizens/0193a4c2-0000-7000-8000-000000000001/contacts',
        headers: { 'content-type': 'application/json' },
        payload: '{"role":"support-worker","channel":{"__proto__":{"kind":"work-phone"}}}',
      }),
      400,
      '/problems/validation-failed',
    );
    expect(nested.errors).toEqual([{ pointer: '/channel/__proto__', detail: 'forbidden field name' }]);
  });

  it('refuses constructor.prototype and any constructor key', async () => {
    await expectRefused(
      register(withValid('"constructor":{"prototype":{"isAdmin":true}}')),
      400,
      '/problems/validation-failed',
    );
    await expectRefused(register(withValid('"constructor":"Object"')), 400, '/problems/validation-failed');
  });

  it('refuses JSON nested deeper than 32 levels with 400 instead of overflowing the stack (was 500)', async () => {
    await expectRefused(
      register(withValid(`"alias2":${'['.repeat(5000)}${']'.repeat(5000)}`)),
      400,
      '/problems/json-too-deep',
    );
    await expectRefused(
      register(withValid(`"x":${'{"a":'.repeat(33)}1${'}'.repeat(33)}`)),
      400,
      '/problems/json-too-deep',
    );
  });

  it.each([
    ['two media types in one header', 'application/json, text/plain'],
    ['two media types, JSON last', 'text/plain, application/json'],
    ['the header sent twice', ['application/json', 'text/plain']],
    ['a form', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain'],
    ['a JSON lookalike', 'application/jsonp'],
  ])('refuses %s as content type with 415', async (_, contentType) => {
    await expectRefused(register(JSON.stringify(valid), contentType), 415, 'about:blank');
  });

  it('refuses a JSON body declared in another charset with 415', async () => {
    await expectRefused(
      register(Buffer.from(JSON.stringify(valid), 'latin1'), 'application/json; charset=iso-8859-1'),
      415,
      '/problems/unsupported-charset',
    );
  });

  it('refuses bytes that are not UTF-8 instead of storing replacement characters', async () => {
    const latin1 = Buffer.from('{"alias":"Søren","handlekommune":"101"}', 'latin1');
    const problem = await expectRefused(register(latin1), 400, '/problems/malformed-json');
    expect(problem.detail).toContain('UTF-8');
  });

  it('refuses NUL characters and unpaired surrogates, which PostgreSQL cannot store', async () => {
    await expectRefused(
      register('{"alias":"St\\u0000rict","handlekommune":"101"}'),
      400,
      '/problems/validation-failed',
    );
    await expectRefused(
      register('{"alias":"St\\udfffrict","handlekommune":"101"}'),
      400,
      '/problems/validation-failed',
    );
  });

  it.each([['null'], ['"a string"'], ['7'], ['[{"alias":"Strict","handlekommune":"101"}]']])(
    'refuses %s as a body: a body is a JSON object',
    async (payload) => {
      await expectRefused(register(payload), 400, '/problems/validation-failed');
    },
  );

  it('answers a malformed body without echoing it', async () => {
    const problem = await expectRefused(
      register('{"cpr":"070761-4285","name":"Jens Hansen"'),
      400,
      '/problems/malformed-json',
    );
    expect(JSON.stringify(problem)).not.toMatch(/070761|Hansen/);
  });
});
