import { eventually, startTestApp, TestApp } from '../support/test-app';

const CPR = '070761-4285';
const CPR_DIGITS = '0707614285';
const JSON_HEADERS = { 'content-type': 'application/json' };

const admission = {
  shelterId: 'shelter-kollegiet-sct-nicolai',
  shelterName: 'Kollegiet Sct. Nicolai',
  municipalityOfStay: '101',
  referral: 'self-referred',
};

describe('walking skeleton over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url,
      headers: { ...JSON_HEADERS, ...headers },
      payload: JSON.stringify(body),
    });
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  const register = async (body: Record<string, unknown> = { name: 'Bamse Jensen', handlekommune: '101' }) => {
    const res = await post('/citizens', body);
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  };

  it('registers, admits, discharges and shows the timeline in occurredAt order', async () => {
    const registered = await post('/citizens', { cpr: CPR, name: 'Jens Hansen', handlekommune: '101' });
    expect(registered.statusCode).toBe(201);
    const { citizenId } = registered.json<{ citizenId: string }>();
    expect(registered.headers.location).toBe(`/citizens/${citizenId}`);

    // A shelter reports late: the admission happened before it was recorded.
    const admitted = await post(`/citizens/${citizenId}/shelter-stays`, {
      ...admission,
      occurredAt: '2026-01-10T21:40:00+01:00',
    });
    expect(admitted.statusCode).toBe(201);
    const { stayId } = admitted.json<{ stayId: string }>();

    const discharged = await post(`/citizens/${citizenId}/shelter-stays/${stayId}/discharge`, {
      destination: 'own-home',
      planned: true,
      occurredAt: '2026-02-20T10:00:00+01:00',
    });
    expect(discharged.statusCode).toBe(201);

    const timeline = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (res) => res.json<{ entries: unknown[] }>().entries?.length === 3,
    );
    expect(timeline.statusCode).toBe(200);
    const entries = timeline.json<{ entries: Array<Record<string, string>> }>().entries;
    expect(entries.map((e) => e.type)).toEqual([
      'ShelterAdmissionRecorded',
      'ShelterDischargeRecorded',
      'CitizenRegistered',
    ]);
    expect(entries[0].occurredAt).toBe('2026-01-10T20:40:00.000Z');
    expect(new Date(entries[0].recordedAt).getTime()).toBeGreaterThan(
      new Date(entries[0].occurredAt).getTime(),
    );
    expect(entries[0].summary).toContain('Kollegiet Sct. Nicolai');
    expect(entries[1].summary).toContain('own home');
    expect(JSON.stringify(entries)).not.toContain('Jens');
    expect(JSON.stringify(entries)).not.toContain(CPR_DIGITS);
  });

  it('refuses a second admission while one is open with a 409 that names the rule, appending nothing', async () => {
    const citizenId = await register();
    expect((await post(`/citizens/${citizenId}/shelter-stays`, admission)).statusCode).toBe(201);
    const before = await eventCount();

    const second = await post(`/citizens/${citizenId}/shelter-stays`, {
      ...admission,
      shelterId: 'shelter-other',
    });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({
      status: 409,
      rule: 'shelter-stay-already-open',
      type: '/problems/shelter-stay-already-open',
    });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a discharge without an admission and an admission for an unknown citizen', async () => {
    const citizenId = await register();
    const noStay = await post(
      `/citizens/${citizenId}/shelter-stays/0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f/discharge`,
      {
        destination: 'street',
        planned: false,
      },
    );
    expect(noStay.statusCode).toBe(404);
    expect(noStay.json().rule).toBe('shelter-stay-not-found');

    const unknown = await post('/citizens/0193a4c2-0000-7000-8000-000000000000/shelter-stays', admission);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('/problems/citizen-not-found');
  });

  describe('CPR handling', () => {
    it('stores CPR and name only encrypted and finds the citizen again by CPR', async () => {
      const cpr = '010203-5678';
      const res = await post('/citizens', { cpr, name: 'Maja Sørensen', handlekommune: '751' });
      expect(res.statusCode).toBe(201);
      const { citizenId } = res.json<{ citizenId: string }>();

      const dump = await t.db.pool.query(
        `SELECT (SELECT string_agg(data::text || metadata::text, ' ') FROM events) AS events,
                (SELECT string_agg(summary, ' ') FROM timeline_entries) AS timeline`,
      );
      expect(dump.rows[0].events).not.toContain('0102035678');
      expect(dump.rows[0].events).not.toContain('Maja');
      expect(dump.rows[0].events).toContain('sealedPersonalData');

      const found = await post('/citizens/search-by-cpr', { cpr: '0102035678' });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual({ citizenId });

      const audit = await t.db.pool.query(
        'SELECT action, purpose FROM read_audit_log WHERE citizen_id = $1',
        [citizenId],
      );
      expect(audit.rows).toEqual([{ action: 'find-by-cpr', purpose: 'case-work' }]);
    });

    it('refuses a second registration with the same CPR, naming the existing citizen', async () => {
      const cpr = '151190-1234';
      const first = await post('/citizens', { cpr, handlekommune: '461' });
      const again = await post('/citizens', { cpr: '1511901234', handlekommune: '461' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        type: '/problems/citizen-already-registered',
        citizenId: first.json().citizenId,
      });
    });

    it('answers 404 for a CPR nobody has registered', async () => {
      const res = await post('/citizens/search-by-cpr', { cpr: '241299-9999' });
      expect(res.statusCode).toBe(404);
    });

    it('rejects an impossible CPR date without echoing the number', async () => {
      const res = await post('/citizens', { cpr: '310299-4321', handlekommune: '101' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ pointer: '/cpr', detail: expect.any(String) }]);
      expect(res.body).not.toContain('310299');
    });

    it('never writes a CPR number or name into the logs', async () => {
      await post('/citizens', { cpr: '120385-2468', name: 'Ole Logtest', handlekommune: '851' });
      const logs = t.logLines.join('\n');
      expect(logs.length).toBeGreaterThan(0);
      expect(logs).not.toMatch(/\b\d{6}-?\d{4}\b/);
      expect(logs).not.toContain('Logtest');
    });
  });

  describe('HTTP conventions', () => {
    it('answers invalid bodies with problem+json naming each bad field, and appends nothing', async () => {
      const before = await eventCount();
      const res = await post('/citizens', { handlekommune: '999', nickname: 'x', occurredAt: 'yesterday' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem).toMatchObject({ type: '/problems/validation-failed', status: 400 });
      const pointers = problem.errors.map((e: { pointer: string }) => e.pointer).sort();
      expect(pointers).toEqual(['/handlekommune', '/nickname', '/occurredAt']);
      expect(res.body).not.toMatch(/at \w+ \(/); // no stack trace
      expect(await eventCount()).toBe(before);
    });

    it('requires a name or alias when there is no CPR', async () => {
      const res = await post('/citizens', { handlekommune: '101' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/name');
    });

    it('answers malformed JSON, an oversized body and a wrong content type as problem+json', async () => {
      const malformed = await t.request({
        method: 'POST',
        url: '/citizens',
        headers: JSON_HEADERS,
        payload: '{"handle',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');

      const huge = await post('/citizens', { name: 'x'.repeat(300 * 1024), handlekommune: '101' });
      expect(huge.statusCode).toBe(413);
      expect(huge.headers['content-type']).toContain('application/problem+json');

      const text = await t.request({
        method: 'POST',
        url: '/citizens',
        headers: { 'content-type': 'text/plain' },
        payload: 'hello',
      });
      expect(text.statusCode).toBe(415);
      expect(text.headers['content-type']).toContain('application/problem+json');
    });

    it('answers unknown routes, unknown citizens and bad ids with problem+json', async () => {
      const route = await t.request({ method: 'GET', url: '/no-such-thing' });
      expect(route.statusCode).toBe(404);
      expect(route.headers['content-type']).toContain('application/problem+json');

      const citizen = await t.request({
        method: 'GET',
        url: '/citizens/0193a4c2-0000-7000-8000-000000000001/timeline',
      });
      expect(citizen.statusCode).toBe(404);
      expect(citizen.json().type).toBe('/problems/citizen-not-found');

      const badId = await t.request({ method: 'GET', url: '/citizens/not-a-uuid/timeline' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().errors[0].pointer).toBe('#/path/citizenId');
    });

    it('replays a write with the same Idempotency-Key and appends once', async () => {
      const before = await eventCount();
      const body = { alias: 'Kongen', handlekommune: '147' };
      const first = await post('/citizens', body, { 'idempotency-key': 'reg-kongen-1' });
      const second = await post('/citizens', body, { 'idempotency-key': 'reg-kongen-1' });
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.headers.location).toBe(first.headers.location);
      expect(await eventCount()).toBe(before + 1);

      const other = await post(
        '/citizens',
        { ...body, alias: 'Dronningen' },
        { 'idempotency-key': 'reg-kongen-1' },
      );
      expect(other.statusCode).toBe(422);
      expect(other.json().type).toBe('/problems/idempotency-key-reused');
      expect(await eventCount()).toBe(before + 1);
    });

    it('releases an Idempotency-Key when the request failed, so a corrected retry can use it', async () => {
      const bad = await post(
        '/citizens',
        { handlekommune: '000', alias: 'Retry' },
        { 'idempotency-key': 'reg-retry-1' },
      );
      expect(bad.statusCode).toBe(400);
      const good = await post(
        '/citizens',
        { handlekommune: '101', alias: 'Retry' },
        { 'idempotency-key': 'reg-retry-1' },
      );
      expect(good.statusCode).toBe(201);
    });

    it('uses the request id as correlation id in the events and echoes it', async () => {
      const res = await post(
        '/citizens',
        { alias: 'Korrelation', handlekommune: '101' },
        { 'x-request-id': 'req-test-0001' },
      );
      expect(res.headers['x-request-id']).toBe('req-test-0001');
      const { rows } = await t.db.pool.query(
        `SELECT metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1`,
        [`citizen-${res.json().citizenId}`],
      );
      expect(rows).toEqual([{ correlation: 'req-test-0001' }]);
    });

    it("records principal, unit, legal basis and the sender's message id in every event's metadata", async () => {
      const citizenId = await register();
      const res = await post(`/citizens/${citizenId}/shelter-stays`, admission, {
        'x-message-id': 'shelter-system-msg-4711',
        'x-request-id': 'req-meta-0001',
      });
      expect(res.statusCode).toBe(201);
      const { rows } = await t.db.pool.query(`SELECT metadata FROM events WHERE stream_id = $1`, [
        `shelter-stays-${citizenId}`,
      ]);
      expect(rows[0].metadata).toMatchObject({
        correlationId: 'req-meta-0001',
        causationId: 'req-meta-0001',
        principal: expect.stringMatching(/^[0-9a-f-]{36}$/),
        unit: 'test-social-authority',
        legalBasis: 'serviceloven §110',
        source: { system: 'test-social-authority', messageId: 'shelter-system-msg-4711' },
      });
    });

    it('serves health, the OpenAPI document and its UI', async () => {
      const health = await t.request({ method: 'GET', url: '/health' });
      expect(health.json()).toMatchObject({
        status: 'ok',
        checks: { live: true, database: true, schema: true, projections: true },
      });
      expect(health.json().projections.map((p: { projection: string }) => p.projection)).toContain(
        'timeline',
      );

      const metrics = await t.request({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toMatch(/hf_projection_lag_events\{projection="timeline"\} \d+/);
      expect(metrics.body).toMatch(/hf_projection_lag_seconds\{projection="timeline"\}/);
      expect((await t.request({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);

      const docs = await t.request({ method: 'GET', url: '/docs' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
      const openapi = await t.request({ method: 'GET', url: '/docs-json' });
      const paths = Object.keys(openapi.json().paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/citizens',
          '/citizens/search-by-cpr',
          '/citizens/{citizenId}/shelter-stays',
          '/citizens/{citizenId}/shelter-stays/{stayId}/discharge',
          '/citizens/{citizenId}/timeline',
        ]),
      );
    });
  });
});
