import { elapsedMs } from './latency';

export interface HttpAnswer<T> {
  status: number;
  body: T;
  ms: number;
}

/**
 * One request with an API key, timed from before it is sent until its body is read. Node's fetch keeps the
 * connection alive, so sequential calls measure the service, not TCP set-up.
 */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  apiKey: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<HttpAnswer<T>> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const ms = elapsedMs(started);
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, ms };
}

/** The same call, failing loudly unless it answered 2xx: for setting up what a measurement needs. */
export async function expectOk<T = Record<string, unknown>>(
  baseUrl: string,
  apiKey: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await call<T>(baseUrl, apiKey, method, path, body);
  if (answer.status >= 300) {
    // The problem's type and title only: a detail could echo input, and inputs here are synthetic but kept out.
    const problem = answer.body as { type?: string; title?: string; rule?: string };
    throw new Error(
      `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} answered ${answer.status} ${problem.title ?? ''} ${problem.rule ?? ''}`,
    );
  }
  return answer.body;
}
