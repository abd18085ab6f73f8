import { MAX_JSON_DEPTH, nestingDepth, parseJsonBody } from './json-body';
import { ProblemException } from './problem';

const JSON_TYPE = 'application/json';

function refusal(body: string | Buffer, contentType = JSON_TYPE) {
  try {
    parseJsonBody(typeof body === 'string' ? Buffer.from(body) : body, contentType);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('parseJsonBody', () => {
  it('returns the object of a well-formed UTF-8 body, with or without charset=utf-8', () => {
    const body = Buffer.from('{"alias":"Søren","n":[1,{"a":"æøå"}]}');
    expect(parseJsonBody(body, JSON_TYPE)).toEqual({ alias: 'Søren', n: [1, { a: 'æøå' }] });
    expect(parseJsonBody(body, 'application/json; charset="UTF-8"')).toEqual(parseJsonBody(body, JSON_TYPE));
  });

  it('refuses a charset other than UTF-8 with 415', () => {
    expect(refusal('{}', 'application/json; charset=iso-8859-1')).toMatchObject({
      status: 415,
      type: '/problems/unsupported-charset',
    });
  });

  it('refuses invalid UTF-8 instead of replacing the bad bytes', () => {
    const body = Buffer.concat([Buffer.from('{"alias":"S'), Buffer.from([0xf8, 0xc3]), Buffer.from('"}')]);
    expect(refusal(body)).toMatchObject({ status: 400, type: '/problems/malformed-json' });
  });

  it('refuses syntax errors without quoting the body', () => {
    const problem = refusal('{"cpr":"0101901234",}');
    expect(problem).toMatchObject({ status: 400, type: '/problems/malformed-json' });
    expect(JSON.stringify(problem)).not.toContain('0101901234');
  });

  it.each([['null'], ['"text"'], ['42'], ['[]'], ['true']])('refuses the top-level value %s', (body) => {
    expect(refusal(body)).toMatchObject({ status: 400, errors: [{ pointer: '' }] });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    const atLimit = `{"a":${nested(MAX_JSON_DEPTH - 1)}}`;
    expect(nestingDepth(atLimit)).toBe(MAX_JSON_DEPTH);
    expect(() => parseJsonBody(Buffer.from(atLimit), JSON_TYPE)).not.toThrow();
    expect(refusal(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toMatchObject({
      status: 400,
      type: '/problems/json-too-deep',
    });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestingDepth(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`)).toBe(1);
  });

  it.each([
    ['__proto__', '{"a":{"__proto__":{"polluted":true}}}', '/a/__proto__'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}', '/constructor'],
    ['a constructor string', '{"list":[{"constructor":"x"}]}', '/list/0/constructor'],
  ])('refuses %s keys, naming where', (_, body, pointer) => {
    expect(refusal(body)).toMatchObject({
      status: 400,
      errors: [{ pointer, detail: 'forbidden field name' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a NUL character', '{"alias":"a\\u0000b"}'],
    ['a lone high surrogate', '{"alias":"a\\ud800"}'],
    ['a lone low surrogate', '{"alias":"\\udc00b"}'],
  ])('refuses %s, which the database cannot store', (_, body) => {
    expect(refusal(body)).toMatchObject({ status: 400, errors: [{ pointer: '/alias' }] });
  });

  it('accepts a surrogate pair (an emoji)', () => {
    expect(parseJsonBody(Buffer.from('{"alias":"\\ud83d\\ude00"}'), JSON_TYPE)).toEqual({ alias: '😀' });
  });

  it('never echoes a CPR number used as a field name', () => {
    const problem = refusal('{"0101901234":{"__proto__":1}}');
    expect(JSON.stringify(problem)).not.toContain('0101901234');
  });
});
