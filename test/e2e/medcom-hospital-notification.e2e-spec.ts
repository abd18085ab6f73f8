import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * MedCom HospitalNotification over HTTP, driven by the fixtures in test/fixtures/medcom (the MedCom example
 * messages as FHIR JSON, see generate.mjs there). Each flow uses a CPR number of its own, put in place of the
 * fixtures' synthetic one.
 */
const FIXTURE_CPR = '0707614285';
const URL = '/fhir/hospital-notifications';
const FHIR = { 'content-type': 'application/fhir+json' };
const STIN_HEADER = 'b9b4818e-02de-4cc4-b418-d20cbc7b5404';

type Bundle = { entry: Array<{ resource: Record<string, unknown> }> } & Record<string, unknown>;
type Notified = { messageId: string; medcomCode: string; citizenId: string; admissionId: string };

/** The MessageHeader ids of the fixtures: RE_/AN_ messages and Provenances refer to them. */
const HEADER_IDS = [
  STIN_HEADER,
  'cc47c1e2-78e6-4291-b071-f423a4f7fbfe',
  'd8749b54-1aeb-4089-8941-8d876bdffc51',
  'e563a2b2-bf92-4b13-bbd2-0a021a95bded',
  'f47254da-f170-46f0-b624-4778a9c92b1f',
  'g1affa53-c157-4080-abb0-8e681524f969',
  'hefc6d95-6161-4493-99c9-f359488dedb8',
  'i50fc5fe-2d11-4ef3-acac-2e2e5c6c0029',
  'm9bea09c-e662-4d59-b84f-9af570b57f42',
];

let flows = 0;
/**
 * One flow of messages about one patient: a valid synthetic CPR number of its own (1 January of a year in the
 * 1970s, serial 4000 + n), and message ids of its own. Message ids are unique in real traffic (a reused id is the
 * sender's error, answered 409); the fixtures share theirs, so each flow suffixes them (`<id>.<n>`, a valid FHIR id).
 */
function flow() {
  flows += 1;
  const n = flows;
  const cpr = `0101${String(70 + n).padStart(2, '0')}${4000 + n}`;
  const header = (id: string) => `${id}.${n}`;
  const fixture = (name: string): Bundle => {
    let text = readFileSync(join(__dirname, '..', 'fixtures', 'medcom', `${name}.json`), 'utf8');
    text = text.replaceAll(FIXTURE_CPR, cpr);
    for (const id of HEADER_IDS) text = text.replaceAll(id, header(id));
    return JSON.parse(text) as Bundle;
  };
  return { cpr, header, fixture };
}
type Flow = ReturnType<typeof flow>;

const resource = (bundle: Bundle, type: string) =>
  bundle.entry.map((e) => e.resource).find((r) => r.resourceType === type) as Record<string, unknown>;

describe('MedCom HospitalNotification (POST /fhir/hospital-notifications)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const send = (bundle: unknown, unit = 'psychiatry', headers: Record<string, string> = FHIR) =>
    t.as(unit, { method: 'POST', url: URL, headers, payload: JSON.stringify(bundle) });
  const notify = async (f: Flow, name: string, unit = 'psychiatry'): Promise<Notified> => {
    const res = await send(f.fixture(name), unit);
    if (res.statusCode !== 200) throw new Error(`${name} answered ${res.statusCode}: ${res.body}`);
    return res.json<Notified>();
  };
  const institutionEvents = async (citizenId: string) =>
    (
      await t.db.pool.query<{ type: string; data: Record<string, unknown>; unit: string }>(
        `SELECT type, data, metadata->>'unit' AS unit FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [`institution-${citizenId}`],
      )
    ).rows;
  const streamTypes = async (streamId: string) =>
    (
      await t.db.pool.query<{ type: string }>(
        'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [streamId],
      )
    ).rows.map((r) => r.type);
  // Alert events are appended by the worker on its own schedule; a request writes everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  /** The timeline as the social authority of København (101), which holds §12 c and §13 a-c. */
  const timeline = async (citizenId: string, entries: number) => {
    const res = await eventually(
      () => t.as('social-authority', { method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (r) => r.json<{ entries?: unknown[] }>().entries?.length === entries,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{ entries: Array<{ summary: string; type: string }> }>().entries.map((e) => e.summary);
  };
  const expectOutcome = (res: LightMyRequestResponse, status: number, code: string, expression?: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const body = res.json<{ resourceType: string; issue: Array<Record<string, unknown>> }>();
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]).toMatchObject({ severity: 'error', code });
    if (expression !== undefined) expect(body.issue[0].expression).toEqual([expression]);
    return body;
  };
  /** A citizen registered by the social authority, with a started CTI course (chapter 16 support: §12 c). */
  const citizenWithSupport = async (cpr: string) => {
    const registered = await t.as('social-authority', {
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        cpr,
        alias: 'MedCom',
        handlekommune: '101',
        occurredAt: '2022-11-01T09:00:00Z',
      }),
    });
    expect(registered.statusCode).toBe(201);
    const { citizenId } = registered.json<{ citizenId: string }>();
    const decided = await t.as('social-authority', {
      method: 'POST',
      url: `/citizens/${citizenId}/support/courses`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        method: 'cti',
        providerUnitId: 'unit-cti-team-kobenhavn',
        occurredAt: '2022-11-02T09:00:00Z',
      }),
    });
    expect(decided.statusCode).toBe(201);
    const { supportId } = decided.json<{ supportId: string }>();
    const started = await t.as('social-authority', {
      method: 'POST',
      url: `/citizens/${citizenId}/support/courses/${supportId}/start`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ occurredAt: '2022-11-03T09:00:00Z' }),
    });
    expect(started.statusCode).toBe(201);
    return { citizenId, supportId };
  };

  it('STIN → STOR → SLOR → SLHJ (inpatient): provisional citizen, one admission, medcomCode and basis on each event', async () => {
    const f = flow();
    const cpr = f.cpr;
    const stin = await notify(f, 'stin');
    expect(stin).toMatchObject({ messageId: f.header(STIN_HEADER), medcomCode: 'STIN' });
    // The CPR number was unknown: a provisional citizen under the Patient's address municipality (0101 → 101).
    const registered = await t.db.pool.query(
      `SELECT data->>'handlekommune' AS kommune, metadata->>'unit' AS unit FROM events
        WHERE stream_id = $1 AND type = 'CitizenRegistered'`,
      [`citizen-${stin.citizenId}`],
    );
    expect(registered.rows).toEqual([{ kommune: '101', unit: 'test-psychiatry' }]);

    for (const [name, code] of [
      ['stor', 'STOR'],
      ['slor', 'SLOR'],
      ['slhj-inpatient', 'SLHJ'],
    ] as const) {
      // Later notices find the same citizen by CPR and the same admission by the episode of care.
      expect(await notify(f, name)).toEqual({
        messageId: expect.any(String),
        medcomCode: code,
        citizenId: stin.citizenId,
        admissionId: stin.admissionId,
      });
    }
    const events = await institutionEvents(stin.citizenId);
    expect(
      events.map((e) => [e.type, e.data.medcomCode, e.data.legalBasis, e.data.admissionId, e.unit]),
    ).toEqual([
      ['HospitalAdmissionRecorded', 'STIN', 'psykiatriloven §13 a-c', stin.admissionId, 'test-psychiatry'],
      ['LeaveStarted', 'STOR', 'psykiatriloven §13 a-c', stin.admissionId, 'test-psychiatry'],
      ['LeaveEnded', 'SLOR', 'psykiatriloven §13 a-c', stin.admissionId, 'test-psychiatry'],
      ['DischargedFromHospital', 'SLHJ', 'psykiatriloven §13 a-c', stin.admissionId, 'test-psychiatry'],
    ]);
    expect(events[0].data).toMatchObject({
      occurredAt: '2022-12-07T10:00:00.000Z',
      medcomMessageId: f.header(STIN_HEADER),
      medcomEpisodeId: 'https://sor2.sum.dsdn.dk/#id=265161000016000|bd481c38-a921-11ed-afa1-0242ac120002',
      hospitalName: 'Hjerteafdelingen på Herlev og Gentofte hospital',
      kind: 'psychiatric',
    });
    expect(events.map((e) => e.data.occurredAt)).toEqual([
      '2022-12-07T10:00:00.000Z',
      '2022-12-13T12:00:10.000Z',
      '2022-12-14T13:30:00.000Z',
      '2022-12-18T07:45:30.000Z',
    ]);
    // The CPR number is stored sealed only: never in an event.
    const leaked = await t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1', [
      `%${cpr}%`,
    ]);
    expect(leaked.rows[0].n).toBe(0);

    const summaries = await timeline(stin.citizenId, 5);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Psychiatric admission (STIN) at Hjerteafdelingen på Herlev og Gentofte hospital',
        'Psychiatric leave started (STOR)',
        'Psychiatric leave ended (SLOR)',
        'Psychiatric discharge (SLHJ) to unknown destination',
      ]),
    );
  });

  it('STAA → SLHJ (acute ambulant) for a citizen found by CPR: §12 c, support paused and resumed', async () => {
    const f = flow();
    const { citizenId, supportId } = await citizenWithSupport(f.cpr);
    const staa = await notify(f, 'staa', 'hospital');
    expect(staa.citizenId).toBe(citizenId);
    await notify(f, 'slhj-acute-ambulant', 'hospital');

    const events = await institutionEvents(citizenId);
    expect(events.map((e) => [e.type, e.data.medcomCode, e.data.legalBasis, e.data.kind])).toEqual([
      ['HospitalAdmissionRecorded', 'STAA', 'retssikkerhedsloven §12 c', 'somatic'],
      ['DischargedFromHospital', 'SLHJ', 'retssikkerhedsloven §12 c', 'somatic'],
    ]);
    expect(await streamTypes(`support-${citizenId}`)).toEqual([
      'SupportDecided',
      'SupportStarted',
      'SupportPaused',
      'SupportResumed',
    ]);
    const summaries = await timeline(citizenId, 7);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Hospital acute ambulant contact (STAA) at Hjerteafdelingen på Herlev og Gentofte hospital',
        'Hospital discharge (SLHJ) to unknown destination',
      ]),
    );
    expect(supportId).toEqual(expect.any(String));
  });

  it('STIN → MORS (inpatient): died in hospital, no later admission', async () => {
    const f = flow();
    const { citizenId } = await notify(f, 'stin');
    await notify(f, 'mors-inpatient');
    const events = await institutionEvents(citizenId);
    expect(events.map((e) => [e.type, e.data.medcomCode, e.data.legalBasis, e.data.occurredAt])).toEqual([
      ['HospitalAdmissionRecorded', 'STIN', 'psykiatriloven §13 a-c', '2022-12-07T10:00:00.000Z'],
      ['DiedInHospital', 'MORS', 'psykiatriloven §13 a-c', '2022-12-09T07:45:30.000Z'],
    ]);
    const summaries = await timeline(citizenId, 3);
    expect(summaries).toEqual(expect.arrayContaining(['Died during psychiatric admission (MORS)']));
    // A new admission message (another message id, another episode) for a citizen who died: 409 as OperationOutcome.
    expectOutcome(await send(f.fixture('staa')), 409, 'conflict');
  });

  it('RE_STIN revises the admission time and names the replaced message', async () => {
    const f = flow();
    const { citizenId, admissionId } = await notify(f, 'stin');
    const revised = await notify(f, 're-stin');
    expect(revised).toMatchObject({ medcomCode: 'RE_STIN', citizenId, admissionId });
    const events = await institutionEvents(citizenId);
    expect(events.map((e) => e.type)).toEqual(['HospitalAdmissionRecorded', 'HospitalNoticeRevised']);
    expect(events[1].data).toMatchObject({
      medcomCode: 'RE_STIN',
      revisedCode: 'STIN',
      correctedOccurredAt: '2022-12-07T11:00:00.000Z',
      occurredAt: '2022-12-07T12:00:02.000Z',
      revisedMessageId: f.header(STIN_HEADER),
      legalBasis: 'psykiatriloven §13 a-c',
    });
    const summaries = await timeline(citizenId, 3);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Psychiatric notice revised (RE_STIN): STIN time corrected to 2022-12-07T11:00:00.000Z',
      ]),
    );
  });

  it('AN_STIN retracts the admission: not open any more, support resumed, later notices refused', async () => {
    const f = flow();
    const { citizenId } = await citizenWithSupport(f.cpr);
    const stin = await notify(f, 'stin');
    const cancelled = await notify(f, 'an-stin');
    expect(cancelled).toMatchObject({ medcomCode: 'AN_STIN', admissionId: stin.admissionId });
    const events = await institutionEvents(citizenId);
    expect(events.map((e) => [e.type, e.data.medcomCode, e.data.legalBasis])).toEqual([
      ['HospitalAdmissionRecorded', 'STIN', 'retssikkerhedsloven §12 c'],
      ['HospitalNoticeCancelled', 'AN_STIN', 'retssikkerhedsloven §12 c'],
    ]);
    expect(events[1].data).toMatchObject({
      cancelledCode: 'STIN',
      cancelledMessageId: f.header(STIN_HEADER),
    });
    expect(await streamTypes(`support-${citizenId}`)).toEqual([
      'SupportDecided',
      'SupportStarted',
      'SupportPaused',
      'SupportResumed',
    ]);
    // The admission is closed by the retraction: a leave for it is a conflict, not a new fact.
    expectOutcome(await send(f.fixture('stor')), 409, 'conflict');
    // The citizen-status projection no longer lists the retracted stay.
    const stays = await eventually(
      () =>
        t.db.pool.query('SELECT count(*)::int AS n FROM citizen_institution_stays WHERE citizen_id = $1', [
          citizenId,
        ]),
      (r) => r.rows[0].n === 0,
    );
    expect(stays.rows[0].n).toBe(0);
    const summaries = await timeline(citizenId, 7);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Psychiatric notice cancelled (AN_STIN): the STIN notice was sent in error and is retracted',
      ]),
    );
    // The retracted admission keeps its row, marked as retracted.
    expect(summaries).toContain(
      'Psychiatric admission (STIN) at Hjerteafdelingen på Herlev og Gentofte hospital [retracted: AN_STIN]',
    );
  });

  it('a repeated message appends nothing and answers as before (application/json accepted too)', async () => {
    const f = flow();
    const first = await send(f.fixture('stin'), 'psychiatry', { 'content-type': 'application/json' });
    expect(first.statusCode).toBe(200);
    await notify(f, 'slhj-inpatient');
    const before = await eventCount();
    for (const name of ['stin', 'slhj-inpatient']) {
      const again = await send(f.fixture(name));
      expect(again.statusCode).toBe(200);
      if (name === 'stin') expect(again.json()).toEqual(first.json());
    }
    expect(await eventCount()).toBe(before);
  });

  describe('refusals as FHIR OperationOutcome', () => {
    it('refuses a Bundle that is not a message (400)', async () => {
      const bundle = { ...flow().fixture('stin'), type: 'collection' };
      expectOutcome(await send(bundle), 400, 'value', 'Bundle.type');
    });

    it('refuses a message without a MessageHeader first (400)', async () => {
      const bundle = flow().fixture('stin');
      bundle.entry = bundle.entry.slice(1);
      expectOutcome(await send(bundle), 400, 'required', 'Bundle.entry[0].resource');
    });

    it('refuses an unknown event code (400)', async () => {
      const bundle = flow().fixture('stin');
      resource(bundle, 'Provenance').activity = { coding: [{ code: 'teleport-inpatient' }] };
      expectOutcome(await send(bundle), 400, 'code-invalid', 'Provenance.activity');
    });

    it('refuses a Patient without a CPR number (400) and says so without personal data', async () => {
      const f = flow();
      const bundle = f.fixture('stin');
      resource(bundle, 'Patient').identifier = [{ system: 'urn:example:local', value: 'x-17' }];
      const before = await eventCount();
      const res = await send(bundle);
      expectOutcome(res, 400, 'required', 'Patient.identifier');
      expect(res.body).not.toContain('Elmer');
      expect(await eventCount()).toBe(before);
    });

    it('refuses malformed JSON with an OperationOutcome (400)', async () => {
      const res = await t.as('psychiatry', {
        method: 'POST',
        url: URL,
        headers: FHIR,
        payload: '{"resourceType":',
      });
      expectOutcome(res, 400, 'invalid');
    });

    it('answers 404 for a notice about an episode no admission is recorded for (unknown CPR included)', async () => {
      const before = await eventCount();
      const res = await send(flow().fixture('stor'));
      const body = expectOutcome(res, 404, 'not-found');
      expect(body.issue[0].details).toEqual({ text: 'medcom-episode-not-found' });
      expect(await eventCount()).toBe(before);
    });

    it('refuses to register a provisional citizen without a municipality (422)', async () => {
      const bundle = flow().fixture('stin');
      delete resource(bundle, 'Patient').address;
      const before = await eventCount();
      const body = expectOutcome(await send(bundle), 422, 'business-rule');
      expect(body.issue[0].details).toEqual({ text: 'handlekommune-unknown' });
      expect(await eventCount()).toBe(before);
    });

    it('answers a missing credential (401) and a wrong content type (415) as OperationOutcome too', async () => {
      const payload = JSON.stringify(flow().fixture('stin'));
      const anonymous = await t.app.inject({ method: 'POST', url: URL, headers: FHIR, payload });
      expectOutcome(anonymous, 401, 'login');
      const text = await t.as('psychiatry', {
        method: 'POST',
        url: URL,
        headers: { 'content-type': 'text/plain' },
        payload,
      });
      expectOutcome(text, 415, 'not-supported');
    });

    it('lets only psychiatry and hospital units post (403)', async () => {
      const res = await send(flow().fixture('stin'), 'social-authority');
      expect(res.statusCode).toBe(403);
    });

    it('takes application/fhir+json on the FHIR route only (415 elsewhere)', async () => {
      const res = await t.as('social-authority', {
        method: 'POST',
        url: '/citizens',
        headers: FHIR,
        payload: JSON.stringify({ alias: 'x', handlekommune: '101' }),
      });
      expect(res.statusCode).toBe(415);
    });
  });
});
