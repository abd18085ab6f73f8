import type { LightMyRequestResponse } from 'fastify';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-03-02T10:00:00Z');

/** Issue 6 item 1: discharge and release notices by CPR number, idempotent by the sender's message id. */
describe('discharge and release notices (REST)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const notice = (unit: string, messageId: string | undefined, body: Record<string, unknown>) =>
    t.as(unit, {
      method: 'POST',
      url: '/notices/discharges',
      headers: { 'content-type': 'application/json', ...(messageId ? { 'x-message-id': messageId } : {}) },
      payload: JSON.stringify(body),
    });
  const eventCount = async () =>
    Number(
      (await t.db.pool.query(`SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'`)).rows[0].count,
    );
  const timelineTypes = async (citizenId: string) =>
    (await t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }))
      .json<{ entries: { type: string }[] }>()
      .entries.map((e) => e.type);
  const json = (res: LightMyRequestResponse) => res.json<Record<string, unknown>>();

  it('registers a provisional citizen for an unknown CPR, records admission and plan, marks short notice, raises A1', async () => {
    const body = {
      cpr: '110382-4127',
      // a regional ward has no municipality of its own: the notice names the handlekommune
      handlekommune: '101',
      status: 'planned',
      institutionName: 'Psykiatrisk Center København',
      expectedDate: '2026-03-03',
      destination: 'unit-forsorgshjemmet-roskilde',
      housingStatus: 'no-home',
      medicationNeeds: 'supervised-dispensing',
    };
    const res = await notice('psychiatry', 'psyk-kbh-msg-1001', body);
    expect(res.statusCode).toBe(201);
    const answer = json(res);
    expect(answer).toMatchObject({
      provisional: true,
      recorded: ['HospitalAdmissionRecorded', 'DischargePlanned'],
      leadTimeHours: 21,
      shortNotice: true,
    });
    const citizenId = answer.citizenId as string;
    expect(
      await eventually(
        () => timelineTypes(citizenId),
        (types) => types.length === 3,
      ),
    ).toEqual(['CitizenRegistered', 'HospitalAdmissionRecorded', 'DischargePlanned']);
    // the CPR number is findable (sealed and HMAC'd), never stored in clear
    const found = await t.request({
      method: 'POST',
      url: '/citizens/search-by-cpr',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ cpr: '1103824127' }),
    });
    expect(found.json()).toEqual({ citizenId });
    const clear = await t.db.pool.query(
      `SELECT count(*) FROM events WHERE data::text LIKE '%1103824127%' OR data::text LIKE '%110382-4127%'`,
    );
    expect(Number(clear.rows[0].count)).toBe(0);
    // A1 reaches the social authority of the handlekommune as high: less than 48 hours' notice.
    const alerts = await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/alerts?citizenId=${citizenId}` })).json<{
          alerts: { ruleId: string; severity: string }[];
        }>().alerts,
      (a) => a.some((x) => x.ruleId === 'A1'),
    );
    expect(alerts.find((a) => a.ruleId === 'A1')).toMatchObject({ severity: 'high' });

    // The same message again: the first answer, nothing appended.
    const before = await eventCount();
    const again = await notice('psychiatry', 'psyk-kbh-msg-1001', body);
    expect(again.statusCode).toBe(201);
    expect(json(again)).toEqual(answer);
    expect(await eventCount()).toBe(before);

    // A later notice that the discharge happened finds the citizen by CPR and the open admission.
    const happened = await notice('psychiatry', 'psyk-kbh-msg-1002', {
      cpr: '1103824127',
      status: 'happened',
      institutionName: 'Psykiatrisk Center København',
      destination: 'unit-forsorgshjemmet-roskilde',
      housingStatus: 'no-home',
    });
    expect(json(happened)).toMatchObject({
      citizenId,
      provisional: false,
      noticeId: answer.noticeId,
      recorded: ['DischargedFromHospital'],
      leadTimeHours: null,
    });
  });

  it('records a prison release schedule for a citizen on record, with enough notice', async () => {
    const registered = await t.request({
      method: 'POST',
      url: '/citizens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ cpr: '0707614285', name: 'Jens Hansen', handlekommune: '101' }),
    });
    const { citizenId } = registered.json<{ citizenId: string }>();
    const res = await notice('prison', 'kriminalforsorgen-77', {
      cpr: '070761-4285',
      status: 'planned',
      institutionName: 'Statsfængslet Østjylland',
      admittedAt: '2026-01-05T09:00:00+01:00',
      expectedDate: '2026-03-30',
      housingStatus: 'no-home',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      citizenId,
      provisional: false,
      recorded: ['PrisonIntakeRecorded', 'ReleaseScheduled'],
      shortNotice: false,
    });
  });

  it('refuses without a message id, without a handlekommune for a provisional citizen, and from other units', async () => {
    const before = await eventCount();
    const body = {
      cpr: '2411661234',
      status: 'planned',
      institutionName: 'Bispebjerg',
      expectedDate: '2026-03-09',
      housingStatus: 'no-home',
    };
    const noId = await notice('hospital', undefined, body);
    expect({ status: noId.statusCode, type: noId.json().type }).toEqual({
      status: 400,
      type: '/problems/validation-failed',
    });
    const noMunicipality = await notice('hospital', 'bbh-1', body);
    expect({ status: noMunicipality.statusCode, type: noMunicipality.json().type }).toEqual({
      status: 422,
      type: '/problems/handlekommune-unknown',
    });
    const notPlanned = await notice('hospital', 'bbh-2', {
      ...body,
      expectedDate: undefined,
      handlekommune: '101',
    });
    expect(notPlanned.statusCode).toBe(400);
    expect((await notice('jobcentre', 'jc-1', { ...body, handlekommune: '101' })).statusCode).toBe(403);
    expect(await eventCount()).toBe(before);
  });
});
