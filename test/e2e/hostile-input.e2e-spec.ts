import fc from 'fast-check';
import { STATUS_CODES } from 'node:http';
import { findCprNumbers } from '../../libs/domain/src/cpr';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Property: whatever hostile request reaches a write endpoint listed in the OpenAPI document, the
 * answer is never a 5xx, every refusal is well-formed problem+json that echoes no CPR number, and
 * nothing is appended.
 *
 * Every generated body is broken on purpose in at least one way the API must refuse (an unknown or
 * prototype field, a wrongly typed or missing field, not an object, not JSON, too deep, too large, not
 * UTF-8); on top come hostile values in the other fields, hostile path parameters and headers. So any
 * 2xx is a finding too, and "nothing appended" is a real assertion. Accepting valid requests is covered
 * by the process tests, not here.
 *
 * Deterministic: a fixed seed (HF_FC_SEED overrides it, HF_FC_RUNS the runs per endpoint), printed
 * with any failure together with fast-check's replay path.
 */
const SEED = Number(process.env.HF_FC_SEED ?? 20260302);
const RUNS_PER_ENDPOINT = Number(process.env.HF_FC_RUNS ?? 5);
const BODY_LIMIT_BYTES = 256 * 1024;

interface Schema {
  type?: string;
  enum?: unknown[];
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}
interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Endpoint {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  properties: Record<string, Schema>;
  required: string[];
}

// ---- hostile values --------------------------------------------------------------------------------

/** Raw JSON number text that a JS number cannot carry (JSON.stringify would turn it into null). */
const RAW = 'HF-RAW-NUMBER:';
const rawNumber = (text: string) => `${RAW}${text}`;

/** Synthetic CPR-shaped numbers with a real date, with and without the dash. */
const cprShaped = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 9999 }),
    dash: fc.boolean(),
  })
  .map(({ day, month, year, serial, dash }) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(day)}${two(month)}${two(year)}${dash ? '-' : ''}${String(serial).padStart(4, '0')}`;
  });

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE events; --",
    "1' OR '1'='1",
    '") OR 1=1 --',
    '$1',
    '%s%s%s%n',
    '${7*7}',
    '{{7*7}}',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '../../../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '0x1F',
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    '2026-03-02T25:61:00+01:00',
    '0000-00-00',
    'yesterday',
    '',
    ' ',
    '\t\r\n',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\u202eevil',
    '\ufeffbom',
    'null',
    'undefined',
    '__proto__',
    'Ærø Åbenrå Øster',
    '😀👨‍👩‍👧',
  ),
  cprShaped,
  cprShaped.map((cpr) => `CPR ${cpr} i fritekst`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 0, max: 31 }).map((c) => `ctl${String.fromCharCode(c)}char`),
  fc.constantFrom(1_000, 100_000).map((n) => 'x'.repeat(n)),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    2 ** 31,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    rawNumber('1e400'),
    rawNumber('-1e400'),
    rawNumber('123456789012345678901234567890'),
    rawNumber('1e-400'),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `[[[[...]]]]` deeper than the API accepts. */
const tooDeep = fc.integer({ min: 33, max: 300 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
      tie('value'),
      {
        maxKeys: 3,
      },
    ),
    tooDeep,
  ),
})).value;

/** A value no validator of a field of this schema can accept. */
function wrongValueFor(schema: Schema): fc.Arbitrary<unknown> {
  const strings = hostileString;
  const numbers = hostileNumber;
  const booleans = fc.boolean();
  const arrays = fc.oneof(fc.constant([]), fc.array(hostileValue, { minLength: 1, maxLength: 3 }));
  const objects = fc.oneof(fc.constant({}), fc.constant({ value: 'x' }));
  if (schema.$ref || schema.allOf) return fc.oneof(strings, numbers, booleans, arrays);
  switch (schema.type) {
    case 'string':
      return fc.oneof(
        numbers,
        booleans,
        arrays,
        objects,
        ...(schema.enum ? [strings.filter((s) => !schema.enum!.includes(s))] : []),
      );
    case 'number':
    case 'integer':
      return fc.oneof(
        strings,
        booleans,
        arrays,
        objects,
        ...(schema.minimum !== undefined ? [fc.constant(schema.minimum - 1)] : []),
        ...(schema.maximum !== undefined ? [fc.constant(schema.maximum + 1)] : []),
      );
    case 'boolean':
      return fc.oneof(strings, numbers, arrays, objects);
    case 'array':
      return fc.oneof(strings, numbers, booleans, objects);
    case 'object':
      return fc.oneof(strings, numbers, booleans, arrays);
    default:
      throw new Error(`no wrong value for a field of type ${schema.type}`);
  }
}

// ---- hostile requests ------------------------------------------------------------------------------

type Entries = Array<[string, unknown]>;
type Body = { entries: Entries } | { raw: string | Buffer };

function serialize(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${RAW}([^"]+)"`, 'g'), '$1');
}

function bodyText(body: Body): string | Buffer {
  if ('raw' in body) return body.raw;
  // Entries, not an object: an object literal cannot carry an own "__proto__" key.
  return `{${body.entries.map(([key, value]) => `${JSON.stringify(key)}:${serialize(value)}`).join(',')}}`;
}

/** Bodies that are invalid for this endpoint whatever else they hold. */
function brokenBody(endpoint: Endpoint): fc.Arbitrary<Body> {
  const names = Object.keys(endpoint.properties);
  const noise: fc.Arbitrary<Entries> = fc
    .subarray(names, { maxLength: Math.min(6, names.length) })
    .chain((chosen) => fc.tuple(...chosen.map((name) => fc.tuple(fc.constant(name), hostileValue))));
  const withEntry = (entries: Entries, key: string, value: unknown): Entries => [
    ...entries.filter(([k]) => k !== key),
    [key, value],
  ];

  const unknownField = fc
    .tuple(
      noise,
      fc
        .oneof(
          fc.constantFrom(
            '__proto__',
            'constructor',
            'prototype',
            'isAdmin',
            '$where',
            '',
            ' ',
            'occurred_at',
          ),
          cprShaped,
          fc.string({ minLength: 1, maxLength: 20 }),
        )
        .filter((key) => !names.includes(key)),
      hostileValue,
    )
    .map(([entries, key, value]) => ({ entries: withEntry(entries, key, value) }));

  const typed = names.filter((name) => {
    const schema = endpoint.properties[name];
    return (
      schema.$ref ||
      schema.allOf ||
      ['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(schema.type ?? '')
    );
  });
  const wronglyTyped = typed.length
    ? [
        fc.tuple(noise, fc.constantFrom(...typed)).chain(([entries, name]) =>
          wrongValueFor(endpoint.properties[name]).map((value) => ({
            entries: withEntry(entries, name, value),
          })),
        ),
      ]
    : [];
  const missingRequired = endpoint.required.length
    ? [
        fc
          .tuple(noise, fc.constantFrom(...endpoint.required))
          .map(([entries, name]) => ({ entries: entries.filter(([k]) => k !== name) })),
      ]
    : [];

  // A CPR number in every string field at once (broken by an unknown field): none may come back.
  const stringFields = names.filter((name) => endpoint.properties[name].type === 'string');
  const cprInEveryStringField = fc
    .tuple(fc.array(cprShaped, { minLength: stringFields.length, maxLength: stringFields.length }), cprShaped)
    .map(([cprs, unknownKey]): Body => ({
      entries: [...stringFields.map((name, i): [string, unknown] => [name, cprs[i]]), [unknownKey, true]],
    }));

  const notAnObject = fc
    .oneof(
      fc.constantFrom('null', 'true', '0', '"{}"', '[]', '[{}]'),
      hostileValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map(serialize),
      noise.map((entries) => `[${bodyText({ entries })}]`),
    )
    .map((raw) => ({ raw }));
  const notJson = fc
    .oneof(
      noise.map((entries) => String(bodyText({ entries })).slice(0, -1)),
      noise.map((entries) => String(bodyText({ entries })).replace(/^\{/, "{'single':1,")),
      fc.constantFrom(
        '',
        ' ',
        '{',
        '{"a":1,}',
        "{'a':1}",
        '{"a":NaN}',
        '{"a":Infinity}',
        '{"a":undefined}',
        '\u0000',
      ),
    )
    .map((raw) => ({ raw }));
  const tooDeepBody = fc
    .tuple(noise, fc.constantFrom(...(names.length ? names : ['x'])), tooDeep)
    .map(([entries, name, deep]) => ({ entries: withEntry(entries, name, deep) }));
  const tooLarge = fc
    .tuple(noise, fc.constantFrom(...(names.length ? names : ['x'])))
    .map(([entries, name]) => ({ entries: withEntry(entries, name, 'x'.repeat(BODY_LIMIT_BYTES + 1)) }));
  const notUtf8 = fc
    .tuple(noise, fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]))
    .map(([entries, bytes]) => ({
      raw: Buffer.concat([
        Buffer.from('{"x":"'),
        Buffer.from(bytes),
        Buffer.from(`",${String(bodyText({ entries })).slice(1)}`),
      ]),
    }));

  return fc.oneof(
    { arbitrary: unknownField, weight: 4 },
    { arbitrary: cprInEveryStringField, weight: 2 },
    ...wronglyTyped.map((arbitrary) => ({ arbitrary, weight: 4 })),
    ...missingRequired.map((arbitrary) => ({ arbitrary, weight: 2 })),
    { arbitrary: notAnObject, weight: 1 },
    { arbitrary: notJson, weight: 1 },
    { arbitrary: tooDeepBody, weight: 1 },
    { arbitrary: tooLarge, weight: 1 },
    { arbitrary: notUtf8, weight: 1 },
  );
}

/** Path parameters: usually well-formed (the registered citizen, a fresh UUID), sometimes hostile. */
function pathParam(citizenId: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(citizenId), weight: 3 },
    { arbitrary: fc.uuid(), weight: 2 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(
          'not-a-uuid',
          '..%2F..%2Fhealth',
          '%2F',
          '%2e%2e',
          '%00',
          '%ZZ',
          "'%20OR%201=1--",
          '%3Cscript%3E',
          '00000000-0000-0000-0000-000000000000',
          'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
        ),
        cprShaped,
        fc.constantFrom(101, 1_000, 10_000).map((n) => 'a'.repeat(n)),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
      ),
      weight: 2,
    },
  );
}

/** Header values a client can send (visible latin-1 and spaces; an HTTP parser refuses the rest). */
const headerText = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  }),
  fc.constantFrom(
    '',
    ' ',
    'a'.repeat(256),
    'a'.repeat(5_000),
    'nøgle',
    'Case-Work',
    '../x',
    '<script>',
    '%00',
  ),
  cprShaped,
);

const hostileHeaders = fc.record(
  {
    'idempotency-key': fc.oneof(
      fc.uuid().map((id) => `hostile-${id}`),
      headerText,
    ),
    'x-purpose': fc.oneof(fc.constantFrom('case-work', 'sanction-hearing'), headerText),
    'x-message-id': fc.oneof(fc.constantFrom('msg-4711'), headerText),
    'x-request-id': headerText,
    'content-type': fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 8 },
      {
        arbitrary: fc.constantFrom(
          'application/json; charset=utf-16',
          'application/json, text/plain',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
        weight: 1,
      },
    ),
  },
  { requiredKeys: ['content-type'] },
);

// ---- the property ----------------------------------------------------------------------------------

const PROBLEM_TYPE = /^(about:blank|\/problems\/[a-z0-9-]+)$/;

describe('hostile input on every write endpoint', () => {
  let t: TestApp;
  let endpoints: Endpoint[];
  let citizenId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.request({ method: 'GET', url: '/docs-json' })).json<OpenApi>();
    const resolve = (schema: Schema | undefined): Schema => {
      if (!schema) return {};
      const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
      return ref ? resolve(doc.components.schemas[ref.split('/').pop()!]) : schema;
    };
    endpoints = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => {
          const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
          return {
            method: method.toUpperCase() as Endpoint['method'],
            path,
            pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
            properties: body.properties ?? {},
            required: body.required ?? [],
          };
        }),
    );
    const registered = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ alias: 'Hostile input', handlekommune: '101' }),
    });
    citizenId = registered.json<{ citizenId: string }>().citizenId;
  });
  afterAll(() => t.close());

  const count = async (sql: string) => Number((await t.db.pool.query(sql)).rows[0].count);
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = () => count("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'");
  const keyCount = () => count('SELECT count(*) FROM idempotency_keys');

  it('finds the write endpoints and their body schemas in the OpenAPI document', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(70);
    expect(endpoints.filter((e) => Object.keys(e.properties).length > 0).length).toBeGreaterThanOrEqual(70);
  });

  // Regressions: what the property found, as fixed examples.
  describe('found by the property', () => {
    const securityHeadersOf = (res: { headers: Record<string, unknown> }) => ({
      nosniff: res.headers['x-content-type-options'],
      cache: res.headers['cache-control'],
      csp: res.headers['content-security-policy'],
    });

    it('answers a path with a malformed percent-escape as problem+json with security headers (was plain JSON)', async () => {
      for (const url of [`/citizens/${'%ZZ'}/contacts`, '/citizens/%FF%FE/death', '/citizens/50%/consents']) {
        const res = await t.request({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: '{"surelyNotAField":1}',
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ status: 400, type: '/problems/validation-failed' });
        expect(securityHeadersOf(res)).toEqual({
          nosniff: 'nosniff',
          cache: 'no-store',
          csp: "default-src 'none';frame-ancestors 'none'",
        });
      }
    });

    it('does not keep a CPR-shaped X-Request-Id, which is logged, echoed and stored (was kept)', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/citizens',
        headers: { 'content-type': 'application/json', 'x-request-id': '0101901234' },
        payload: '{"surelyNotAField":1}',
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
      const kept = await t.request({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': 'trace-0101-ab' },
      });
      expect(kept.headers['x-request-id']).toBe('trace-0101-ab');
    });

    it('does not echo a CPR number put into an unknown route (was quoted in the 404 detail)', async () => {
      const res = await t.request({ method: 'POST', url: '/citizens/010190-1234/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('010190');
      expect(res.json().detail).toBe('Cannot POST /citizens/[cpr]/no-such-thing');
    });
  });

  it('never answers 5xx or 2xx, always answers problem+json echoing no CPR number, and appends nothing', async () => {
    const eventsBefore = await eventCount();
    const keysBefore = await keyCount();

    for (const [index, endpoint] of endpoints.entries()) {
      const request = fc.record({
        params: fc.tuple(...endpoint.pathParams.map(() => pathParam(citizenId))),
        body: brokenBody(endpoint),
        headers: hostileHeaders,
      });
      const property = fc.asyncProperty(request, async ({ params, body, headers }) => {
        let url = endpoint.path;
        endpoint.pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, params[i])));
        const res = await t.request({ method: endpoint.method, url, headers, payload: bodyText(body) });
        const where = `${endpoint.method} ${endpoint.path} answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
        if (res.statusCode < 400 || res.statusCode >= 500) throw new Error(where);
        if (findCprNumbers(res.body).length > 0) throw new Error(`a CPR-shaped number came back: ${where}`);
        // FHIR routes answer refusals as a FHIR OperationOutcome instead (see http/operation-outcome.ts).
        if (endpoint.path.startsWith('/fhir/')) {
          const outcome = JSON.parse(res.body) as { resourceType?: unknown; issue?: unknown[] };
          if (!String(res.headers['content-type']).startsWith('application/fhir+json'))
            throw new Error(where);
          if (outcome.resourceType !== 'OperationOutcome' || !outcome.issue?.length) throw new Error(where);
          return;
        }
        if (!String(res.headers['content-type']).startsWith('application/problem+json'))
          throw new Error(where);
        const problem = JSON.parse(res.body) as { status?: unknown; type?: unknown; title?: unknown };
        if (problem.status !== res.statusCode) throw new Error(`status member differs: ${where}`);
        if (typeof problem.type !== 'string' || !PROBLEM_TYPE.test(problem.type)) throw new Error(where);
        if (typeof problem.title !== 'string' || problem.title === '') throw new Error(where);
        // RFC 9457 4.2.1: with about:blank, the title is the status phrase.
        if (
          problem.type === 'about:blank' &&
          problem.title.toLowerCase() !== STATUS_CODES[res.statusCode]?.toLowerCase()
        )
          throw new Error(`title is not the status phrase: ${where}`);
        if (findCprNumbers(res.body).length > 0) throw new Error(`a CPR-shaped number came back: ${where}`);
      });
      const seed = SEED + index;
      const run = await fc.check(property, { seed, numRuns: RUNS_PER_ENDPOINT, endOnFailure: true });
      if (run.failed) {
        const cause =
          run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
        throw new Error(
          `${cause}\n\nReplay: HF_FC_SEED=${SEED} (endpoint #${index}: seed ${run.seed}, path ${run.counterexamplePath})\n` +
            `Counterexample: ${fc.stringify(run.counterexample).slice(0, 1500)}`,
        );
      }
    }

    expect(await eventCount()).toBe(eventsBefore);
    expect(await keyCount()).toBe(keysBefore);
  }, 120_000);
});
