import { maskCprNumbers } from '@hf/domain';
import { ProblemException } from './problem';
import { FieldError } from './validation';

/**
 * No request body of this API nests deeper than a handful of levels. Anything deeper is refused before
 * it is parsed: class-transformer and class-validator walk a body recursively, and a few thousand levels
 * of `[[[[...` overflowed the stack and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that reach an object's prototype when code copies a parsed body onto another object
 * (prototype pollution). No field of this API is called any of them, so they are refused outright
 * rather than filtered, which also keeps class-validator from looking up metadata on a replaced
 * `constructor`.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** PostgreSQL cannot store U+0000 in text or jsonb, nor an unpaired surrogate in jsonb. */
// eslint-disable-next-line no-control-regex -- finding the control character U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a request body as strict JSON: UTF-8 only (a charset parameter naming anything else is a 415,
 * invalid byte sequences a 400 rather than silently replaced characters), a JSON object at the top, at
 * most MAX_JSON_DEPTH levels deep, no prototype keys, and no characters the database cannot store.
 * Every refusal is a ProblemException, so it leaves the API as problem+json like any other error.
 */
export function parseJsonBody(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  assertUtf8Charset(contentType);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw malformed('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw malformed('The body is empty; send a JSON object.');
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw ProblemException.of(
      400,
      'json-too-deep',
      'The body is nested too deeply',
      `JSON bodies may nest at most ${MAX_JSON_DEPTH} levels.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes part of the body, which may hold personal data.
    throw malformed('The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid([{ pointer: '', detail: 'the body must be a JSON object' }]);
  }
  const errors: FieldError[] = [];
  inspect(value, '', errors);
  if (errors.length > 0) throw invalid(errors);
  return value as Record<string, unknown>;
}

function assertUtf8Charset(contentType: string | undefined): void {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      throw ProblemException.of(
        415,
        'unsupported-charset',
        'Unsupported charset',
        'JSON bodies must be UTF-8 (RFC 8259); omit the charset parameter or send charset=utf-8.',
      );
    }
  }
}

/** The deepest nesting of arrays and objects, counted without parsing (brackets inside strings skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Depth is bounded by MAX_JSON_DEPTH by now, so recursion is safe. */
function inspect(value: unknown, pointer: string, errors: FieldError[]): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) {
      errors.push({ pointer, detail: 'must not contain NUL characters or unpaired UTF-16 surrogates' });
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${maskCprNumbers(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ pointer: childPointer, detail: 'forbidden field name' });
      continue;
    }
    if (UNSTORABLE.test(key)) {
      errors.push({ pointer, detail: 'field names must not contain NUL characters or unpaired surrogates' });
      continue;
    }
    inspect(child, childPointer, errors);
  }
}

function malformed(detail: string): ProblemException {
  return ProblemException.of(400, 'malformed-json', 'The body is not valid JSON', detail);
}

function invalid(errors: FieldError[]): ProblemException {
  return ProblemException.of(
    400,
    'validation-failed',
    'The request is not valid',
    errors.map((e) => `${e.pointer || '(body)'}: ${e.detail}`).join('; '),
    { errors },
  );
}
