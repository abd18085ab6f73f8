import { createHmac } from 'node:crypto';
import pino from 'pino';
import type { Pool } from 'pg';
import { requestHash, requestHashKey } from '../../apps/api/src/http/idempotency.interceptor';
import { PostgresEventStore } from '../../libs/event-store/src';
import { loadConfig, PersonalDataVault } from '../../libs/platform/src';
import { allProjections, projectionLag, ProjectionRunner } from '../../libs/projections/src';
import { AlertsInboxProjection } from '../../libs/projections/src/alerts';
import { postFact } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 Copenhagen time. */
const NOW = new Date('2026-03-02T10:00:00Z');
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The person whose data is erased. Unusual strings, so that a hit cannot be a coincidence. */
const PERSON = {
  cpr: '241166-1234',
  name: 'Jens Erasmus Sletmigsen',
  alias: 'Bamse Fra Kanalen',
  birthDate: '1966-11-24',
};
/** A bystander registered alongside, whose data must survive the erasure (and keep the scan honest afterwards). */
const BYSTANDER = { cpr: '030592-2817', name: 'Karen Bliverher Andersen' };
/** Free text a caseworker wrote into a link's reason; not personal data here, but it must leave the read models. */
const LINK_REASON = 'Genkendt af kontaktpersonen på Kollegiet ved indskrivningen';

const digits = (cpr: string) => cpr.replace('-', '');

type TableHit = { table: string; needle: string };

/**
 * Done-when of the erasure (issue 5, item 6): after erasing, no table of the database and no response holds a
 * readable CPR number or name of the citizen. The scan reads every row of every table in every user schema as text,
 * and every bytea value as bytes; its positive controls (a clear-text marker table, the CPR look-up's HMAC, the
 * keyed hash of a stored CPR search, the sealed registration opening with the key) prove it finds what it looks for
 * before the erasure, so "found nothing" afterwards means something.
 */
describe('erasure by crypto-shredding', () => {
  let t: TestApp;
  let person: string;
  let bystander: string;
  let nightShelterRecord: string;
  const config = loadConfig({});
  let vault: PersonalDataVault;
  const cprHmac = (cpr: string) => createHmac('sha256', config.cprLookupKey).update(digits(cpr)).digest();
  /** the stored fingerprint of this file's CPR search for the person, as the Idempotency-Key store keeps it */
  const searchHash = requestHash(requestHashKey(config.cprLookupKey), 'POST', '/citizens/search-by-cpr', {
    cpr: PERSON.cpr,
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url,
      headers: { ...JSON_HEADERS, ...headers },
      payload: JSON.stringify(body),
    });
  const get = (url: string) => t.request({ method: 'GET', url });

  const textNeedles = () => [
    PERSON.cpr,
    digits(PERSON.cpr),
    PERSON.name,
    PERSON.alias,
    PERSON.birthDate,
    cprHmac(PERSON.cpr).toString('hex'),
    cprHmac(PERSON.cpr).toString('base64'),
    searchHash,
  ];
  const byteNeedles = () => [
    ...[PERSON.cpr, digits(PERSON.cpr), PERSON.name, PERSON.alias].map((s) => Buffer.from(s, 'utf8')),
    cprHmac(PERSON.cpr),
  ];

  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
    vault = new PersonalDataVault(t.db.pool, config.masterKey, config.cprLookupKey);

    const registered = await post(
      '/citizens',
      { ...PERSON, handlekommune: '101', occurredAt: '2026-01-05T09:00:00+01:00' },
      { 'idempotency-key': 'erasure-e2e-registration' },
    );
    expect(registered.statusCode).toBe(201);
    person = registered.json<{ citizenId: string }>().citizenId;
    bystander = (
      await postFact<{ citizenId: string }>(t, '/citizens', { ...BYSTANDER, handlekommune: '101' })
    ).citizenId;
    nightShelterRecord = (
      await postFact<{ citizenId: string }>(t, '/citizens', {
        alias: 'Natcafé-gæst',
        handlekommune: '101',
        occurredAt: '2026-01-03T23:00:00+01:00',
      })
    ).citizenId;

    // Facts across processes: citizen, shelter, institution, housing, support, plan, links.
    const c = `/citizens/${person}`;
    await postFact(t, `${c}/homelessness-situations`, {
      situation: 'street',
      occurredAt: '2026-01-06T23:00:00+01:00',
    });
    await postFact(t, `${c}/contacts`, {
      role: 'support-worker',
      staffId: 'kk-sof-az48213',
      unitId: 'kk-cti-team-nordvest',
      channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
    });
    const { stayId } = await postFact(t, `${c}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'self-referred',
      occurredAt: '2026-02-27T20:40:00+01:00',
    });
    await postFact(t, `${c}/institution/prison-stays`, {
      institutionName: 'Vestre Fængsel',
      occurredAt: '2026-01-20T09:00:00+01:00',
    }).then(({ stayId: prisonStay }) =>
      postFact(t, `${c}/institution/prison-stays/${prisonStay}/release`, {
        occurredAt: '2026-01-25T09:00:00+01:00',
      }),
    );
    await postFact(t, `${c}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Sydhavnen',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: '2026-03-16',
      expectedMoveIn: '2026-03-20',
      occurredAt: '2026-02-28T11:00:00+01:00',
    });
    await postFact(t, `${c}/support/courses`, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      occurredAt: '2026-03-01T14:00:00+01:00',
    });
    await postFact(t, `${c}/record-links`, { linkedCitizenId: nightShelterRecord, reason: LINK_REASON });
    expect(stayId).toEqual(expect.any(String));

    // Reads that go through the CPR: a search with an Idempotency-Key, so its response is stored.
    const found = await post(
      '/citizens/search-by-cpr',
      { cpr: PERSON.cpr },
      { 'idempotency-key': 'erasure-e2e-search' },
    );
    expect(found.json()).toEqual({ citizenId: person });
    await caughtUp(t.db.pool);
  });
  afterAll(() => t.close());

  describe('before the erasure (the scan can fail)', () => {
    it('finds a clear-text marker in a scratch table of another schema', async () => {
      await t.db.pool.query('CREATE SCHEMA scan_control');
      await t.db.pool.query('CREATE TABLE scan_control.marker (note text, raw bytea)');
      await t.db.pool.query('INSERT INTO scan_control.marker VALUES ($1, $2)', [
        `told us his name is ${PERSON.name}`,
        cprHmac(PERSON.cpr),
      ]);
      try {
        const hits = await scan(t.db.pool, textNeedles(), byteNeedles());
        expect(hits).toEqual(
          expect.arrayContaining([
            { table: 'scan_control.marker', needle: PERSON.name },
            { table: 'scan_control.marker', needle: `bytes:${cprHmac(PERSON.cpr).toString('hex')}` },
          ]),
        );
      } finally {
        await t.db.pool.query('DROP SCHEMA scan_control CASCADE');
      }
    });

    it("finds the CPR look-up's HMAC and the stored CPR search, and opens the sealed registration", async () => {
      const hits = await scan(t.db.pool, textNeedles(), byteNeedles());
      expect(hits).toEqual(
        expect.arrayContaining([
          { table: 'public.citizen_cpr_lookup', needle: cprHmac(PERSON.cpr).toString('hex') },
          { table: 'public.citizen_cpr_lookup', needle: `bytes:${cprHmac(PERSON.cpr).toString('hex')}` },
          { table: 'public.idempotency_keys', needle: searchHash },
        ]),
      );
      // Nothing else: CPR, name, alias and birth date are stored only sealed.
      expect(hits.filter((h) => !h.table.endsWith('citizen_cpr_lookup') && h.needle !== searchHash)).toEqual(
        [],
      );
      expect(await openSealed(person)).toEqual([
        { cpr: digits(PERSON.cpr), name: PERSON.name, alias: PERSON.alias, birthDate: PERSON.birthDate },
      ]);
    });

    it('shows the link reason on the timeline and keeps two stored responses naming the citizen', async () => {
      const entries = await timeline(person);
      expect(entries.find((e) => e.type === 'CitizenRecordsLinked')?.summary).toContain(LINK_REASON);
      expect(await storedResponsesNaming(person)).toBe(2);
    });
  });

  describe('refusals change nothing', () => {
    it.each([
      ['an unknown reason', { reason: 'because-they-asked' }, 400],
      ['no reason', {}, 400],
      ['free text smuggled in', { reason: 'gdpr-art-17-request', note: PERSON.name }, 400],
      [
        'an erasure dated tomorrow',
        { reason: 'gdpr-art-17-request', occurredAt: '2026-03-03T10:00:00Z' },
        422,
      ],
    ])('answers %s with problem+json and keeps the key', async (_, body, status) => {
      const res = await post(`/citizens/${person}/erasure`, body);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain(PERSON.name);
      expect(await keyRows(person)).toEqual({ keys: 1, lookups: 1 });
      expect(await erasureEvents(person)).toBe(0);
    });

    it('answers 404 for a citizen that does not exist', async () => {
      const res = await post('/citizens/0193a4c2-0000-7000-8000-00000000dead/erasure', {
        reason: 'registered-in-error',
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ type: '/problems/citizen-not-found' });
    });
  });

  describe('the erasure', () => {
    beforeAll(async () => {
      const erased = await post(
        `/citizens/${person}/erasure`,
        { reason: 'gdpr-art-17-request' },
        { 'idempotency-key': 'erasure-e2e-erase' },
      );
      expect(erased.statusCode).toBe(201);
      expect(erased.json()).toEqual({ recorded: ['CitizenPersonalDataErased'] });
      await caughtUp(t.db.pool);
    });

    it('(a) leaves no CPR, name, alias, birth date, CPR HMAC or CPR search hash in any table', async () => {
      expect(await scan(t.db.pool, textNeedles(), byteNeedles())).toEqual([]);
      expect(await keyRows(person)).toEqual({ keys: 0, lookups: 0 });
      expect(await storedResponsesNaming(person)).toBe(0);
    });

    it('(a) leaves the sealed registration in the log, unreadable', async () => {
      const { rows } = await t.db.pool.query(
        `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND data ? 'sealedPersonalData'`,
        [`citizen-${person}`],
      );
      expect(rows[0].n).toBe(1);
      expect(await openSealed(person)).toEqual([null]);
    });

    it("keeps the bystander's data readable and findable (the scan still finds what is there)", async () => {
      const hits = await scan(t.db.pool, [cprHmac(BYSTANDER.cpr).toString('hex')], [cprHmac(BYSTANDER.cpr)]);
      expect(hits.map((h) => h.table)).toContain('public.citizen_cpr_lookup');
      expect(await openSealed(bystander)).toEqual([expect.objectContaining({ name: BYSTANDER.name })]);
      const found = await post('/citizens/search-by-cpr', { cpr: BYSTANDER.cpr });
      expect(found.json()).toEqual({ citizenId: bystander });
    });

    it('(b) answers every GET about the citizen with 200 and without personal data', async () => {
      const doc = (await get('/docs-json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const citizenReads = Object.entries(doc.paths)
        .filter(([path, ops]) => path.startsWith('/citizens/{citizenId}') && 'get' in ops)
        .map(([path]) => path.replace('{citizenId}', person));
      expect(citizenReads.length).toBeGreaterThanOrEqual(4);
      const reads = [
        ...citizenReads.map((url) => get(url)),
        get('/alerts?unitType=social-authority&municipality=101'),
        // the shelter's own inbox, read by the shelter
        t
          .principalFor({ id: 'shelter-kollegiet-sct-nicolai', type: 'shelter', municipality: '101' })
          .then(() => t.as('shelter-kollegiet-sct-nicolai', { method: 'GET', url: '/alerts' })),
        get('/benefits/fast-track-queue?municipality=101'),
        post('/sanction-risk/bulk', { citizenIds: [person] }),
      ];
      for (const res of await Promise.all(reads)) {
        expect(res.statusCode).toBe(200);
        for (const needle of textNeedles()) expect(res.body).not.toContain(needle);
      }
    });

    it('(b) says so in the summary', async () => {
      const summary = (await get(`/citizens/${person}/summary`)).json();
      expect(summary).toMatchObject({ citizenId: person, personalDataErased: true, handlekommune: '101' });
      const other = (await get(`/citizens/${bystander}/summary`)).json();
      expect(other).toMatchObject({ personalDataErased: false });
    });

    it('(c) finds nobody by the erased CPR number', async () => {
      for (const cpr of [PERSON.cpr, digits(PERSON.cpr)]) {
        const res = await post('/citizens/search-by-cpr', { cpr });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ type: '/problems/citizen-not-found' });
        expect(res.body).not.toContain(digits(PERSON.cpr));
      }
      // The stored search response was forgotten too: a repeat of the same request runs again, and finds nobody.
      const repeat = await post(
        '/citizens/search-by-cpr',
        { cpr: PERSON.cpr },
        { 'idempotency-key': 'erasure-e2e-search' },
      );
      expect(repeat.statusCode).toBe(404);
    });

    it('(d) keeps the timeline for statistics, plus the erasure, with the link reason redacted', async () => {
      const entries = await timeline(person);
      expect(entries.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'CitizenRegistered',
          'HomelessnessSituationRecorded',
          'ContactAssigned',
          'ShelterAdmissionRecorded',
          'PrisonIntakeRecorded',
          'ReleasedFromPrison',
          'HousingOffered',
          'SupportDecided',
          'CitizenRecordsLinked',
          'CitizenPersonalDataErased',
        ]),
      );
      const erasure = entries.find((e) => e.type === 'CitizenPersonalDataErased');
      expect(erasure?.summary).toBe("Personal data erased (at the citizen's request; GDPR art. 17)");
      expect(entries.find((e) => e.type === 'CitizenRecordsLinked')?.summary).toBe(
        'Linked with another record of the same person (the reason was erased)',
      );
      expect(JSON.stringify(await timeline(nightShelterRecord))).not.toContain(LINK_REASON);
    });

    it("resolves the citizen's open alerts", async () => {
      const statuses = await eventually(
        async () =>
          (
            await t.db.pool.query<{ status: string }>(
              'SELECT status FROM alerts_inbox WHERE citizen_id = $1',
              [person],
            )
          ).rows.map((r) => r.status),
        (s) => s.length > 0 && s.every((status) => status === 'resolved'),
      );
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['resolved']));
    });

    it('(e) refuses a second erasure with 409, and replays the first for its Idempotency-Key', async () => {
      const again = await post(`/citizens/${person}/erasure`, { reason: 'retention-expired' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        type: '/problems/personal-data-already-erased',
        rule: 'personal-data-already-erased',
        erasedAt: NOW.toISOString(),
      });
      const replay = await post(
        `/citizens/${person}/erasure`,
        { reason: 'gdpr-art-17-request' },
        { 'idempotency-key': 'erasure-e2e-erase' },
      );
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await erasureEvents(person)).toBe(1);
    });

    it('refuses every later write for the record with 409 citizen-erased, in any process', async () => {
      const c = `/citizens/${person}`;
      const writes: Array<[string, unknown]> = [
        [`${c}/homelessness-situations`, { situation: 'night-shelter' }],
        [`${c}/death`, {}],
        [`${c}/preferences`, { housingType: 'any' }],
        [
          `${c}/shelter-stays`,
          {
            shelterId: 'shelter-hillerodgade',
            shelterName: 'Herberget Hillerødgade',
            municipalityOfStay: '101',
            referral: 'self-referred',
          },
        ],
        [`${c}/plan/assessments`, { method: 'vum-2.0' }],
        [`/citizens/${bystander}/record-links`, { linkedCitizenId: person, reason: 'same man after all' }],
        [`${c}/record-links/${nightShelterRecord}/unlink`, { reason: 'not the same man' }],
      ];
      const before = await eventCount();
      for (const [url, body] of writes) {
        const res = await post(url, body);
        expect({ url, status: res.statusCode }).toEqual({ url, status: 409 });
        expect(res.json()).toMatchObject({ rule: 'citizen-erased', erasedAt: NOW.toISOString() });
      }
      expect(await eventCount()).toBe(before);
    });

    it('refuses a repeat of the registration (its stored response is gone) without tying the CPR to the record again', async () => {
      const repeat = await post(
        '/citizens',
        { ...PERSON, handlekommune: '101', occurredAt: '2026-01-05T09:00:00+01:00' },
        { 'idempotency-key': 'erasure-e2e-registration' },
      );
      expect(repeat.statusCode).toBe(409);
      expect(repeat.json()).toMatchObject({
        type: '/problems/citizen-already-registered',
        citizenId: person,
      });
      expect(await keyRows(person)).toEqual({ keys: 0, lookups: 0 });
      expect(await scan(t.db.pool, textNeedles(), byteNeedles())).toEqual([]);
    });

    it('(f) rebuilds every read model from the log to the same tables, still without personal data', async () => {
      const tables = await readModelTables(t.db.pool);
      expect(tables).toEqual(expect.arrayContaining(['timeline_entries', 'citizen_status', 'alerts_inbox']));
      const live = await hashes(t.db.pool, tables);
      const projections = [...allProjections(), new AlertsInboxProjection()];
      const runner = new ProjectionRunner(
        t.db.pool,
        new PostgresEventStore(t.db.pool),
        projections,
        pino({ level: 'silent' }),
        { batchSize: 5, idleDelayMs: 10 },
      );
      for (const projection of projections) {
        await runner.reset(projection);
        await runner.catchUp(projection);
      }
      expect(await hashes(t.db.pool, tables)).toEqual(live);
      expect(await scan(t.db.pool, textNeedles(), byteNeedles())).toEqual([]);
      const entries = await timeline(person);
      expect(JSON.stringify(entries)).not.toContain(LINK_REASON);
      expect((await get(`/citizens/${person}/summary`)).json()).toMatchObject({ personalDataErased: true });
    });

    it('never wrote the personal data to the log output', () => {
      const log = t.logLines.join('\n');
      for (const needle of textNeedles()) expect(log).not.toContain(needle);
    });

    it('registers the same CPR number afterwards as a new, unconnected record', async () => {
      const again = await postFact<{ citizenId: string }>(t, '/citizens', {
        cpr: PERSON.cpr,
        name: PERSON.name,
        handlekommune: '101',
      });
      expect(again.citizenId).not.toBe(person);
      const found = await post('/citizens/search-by-cpr', { cpr: PERSON.cpr });
      expect(found.json()).toEqual({ citizenId: again.citizenId });
    });
  });

  // ------------------------------------------------------------------------------------------------- helpers

  async function timeline(citizenId: string) {
    const res = await get(`/citizens/${citizenId}/timeline`);
    expect(res.statusCode).toBe(200);
    return res.json<{ entries: Array<{ type: string; summary: string; citizenId: string }> }>().entries;
  }

  async function keyRows(citizenId: string) {
    const { rows } = await t.db.pool.query<{ keys: number; lookups: number }>(
      `SELECT (SELECT count(*)::int FROM citizen_keys WHERE citizen_id = $1) AS keys,
              (SELECT count(*)::int FROM citizen_cpr_lookup WHERE citizen_id = $1) AS lookups`,
      [citizenId],
    );
    return rows[0];
  }

  async function storedResponsesNaming(citizenId: string): Promise<number> {
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE response::text LIKE '%' || $1 || '%'`,
      [citizenId],
    );
    return rows[0].n;
  }

  async function erasureEvents(citizenId: string): Promise<number> {
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'CitizenPersonalDataErased'`,
      [`citizen-${citizenId}`],
    );
    return rows[0].n;
  }

  async function eventCount(): Promise<number> {
    const { rows } = await t.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE stream_id NOT LIKE 'alert-%'",
    );
    return rows[0].n;
  }

  /** Every sealed value of the citizen's registration, opened with whatever key the vault has for them now. */
  async function openSealed(citizenId: string): Promise<unknown[]> {
    const { rows } = await t.db.pool.query<{ sealed: string }>(
      `SELECT data ->> 'sealedPersonalData' AS sealed FROM events
        WHERE stream_id = $1 AND data ? 'sealedPersonalData'`,
      [`citizen-${citizenId}`],
    );
    return Promise.all(rows.map((r) => vault.open(citizenId, r.sealed)));
  }
});

/**
 * Every base table of every user schema: each row as text (`t::text`, which includes jsonb and the hex form of
 * bytea), and each bytea value as bytes. Returns which needle was found in which table, each pair once.
 */
async function scan(pool: Pool, text: readonly string[], bytes: readonly Buffer[]): Promise<TableHit[]> {
  const { rows: tables } = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE'
        AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'
      ORDER BY 1, 2`,
  );
  expect(tables.length).toBeGreaterThan(15);
  const hits = new Map<string, TableHit>();
  const hit = (table: string, needle: string) => hits.set(`${table}|${needle}`, { table, needle });
  for (const { schema, name } of tables) {
    const table = `${schema}.${name}`;
    const quoted = `"${schema}"."${name}"`;
    const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${quoted} t`);
    for (const { row } of rows) {
      for (const needle of text) if (row.includes(needle)) hit(table, needle);
    }
    const { rows: columns } = await pool.query<{ column: string }>(
      `SELECT column_name AS column FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2 AND data_type = 'bytea'`,
      [schema, name],
    );
    for (const { column } of columns) {
      const { rows: values } = await pool.query<{ value: Buffer | null }>(
        `SELECT "${column}" AS value FROM ${quoted}`,
      );
      for (const { value } of values) {
        for (const needle of bytes) {
          if (value && value.includes(needle)) hit(table, `bytes:${needle.toString('hex')}`);
        }
      }
    }
  }
  return [...hits.values()];
}

/** Tables the read-model projections write (not the log, keys, audit log or idempotency store). */
async function readModelTables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('events', 'streams', 'projection_checkpoints', 'read_audit_log', 'citizen_keys',
          'citizen_cpr_lookup', 'idempotency_keys', 'schema_migrations', 'alert_facts', 'alert_engine_alerts',
          'timers')
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

async function hashes(pool: Pool, tables: readonly string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ md5: string; n: number }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5, count(*)::int AS n
         FROM "${table}" t`,
    );
    result[table] = `${rows[0].n}:${rows[0].md5}`;
  }
  return result;
}

/** Waits until the log is quiet (the alert engine appends after requests) and every read model has applied it. */
async function caughtUp(pool: Pool): Promise<void> {
  const names = [...allProjections().map((p) => p.name), 'alert-engine', 'alerts-inbox'];
  const deadline = Date.now() + 20_000;
  let previous = '';
  for (;;) {
    const { rows } = await pool.query<{ last: string | null }>(
      'SELECT max(global_position)::text AS last FROM events',
    );
    const last = rows[0].last ?? '0';
    const lag = await projectionLag(pool, new PostgresEventStore(pool), names, new Date());
    if (last === previous && lag.every((l) => l.behindEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(lag)}`);
    previous = last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
