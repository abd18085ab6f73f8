import type { TestApp } from './test-app';

export type Json = Record<string, unknown>;

/** Posts a fact and fails the test with the problem body when it is not recorded. */
export async function postFact<T = Record<string, string>>(t: TestApp, url: string, body: Json): Promise<T> {
  const res = await t.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  if (res.statusCode !== 201) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

export async function registerCitizen(
  t: TestApp,
  occurredAt: string,
  handlekommune = '101',
): Promise<string> {
  const { citizenId } = await postFact<{ citizenId: string }>(t, '/citizens', {
    alias: 'Read model test',
    handlekommune,
    occurredAt,
  });
  return citizenId;
}

export async function readAuditRows(t: TestApp, citizenId: string, action: string): Promise<number> {
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM read_audit_log WHERE citizen_id = $1 AND action = $2',
    [citizenId, action],
  );
  return rows[0].n;
}
