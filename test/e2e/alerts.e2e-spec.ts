import { UNIT_TYPES, type UnitType } from '../../libs/domain/src/alerts/alert';
import type { LightMyRequestResponse } from 'fastify';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * Interface alerts end to end: facts over HTTP, the alert engine and timers in the worker, the inbox over HTTP.
 * The clock starts on Monday 2 March 2026, 11:00 in Copenhagen, and the tests move it to fire timers.
 */
const START = new Date('2026-03-02T10:00:00Z');
const JSON_HEADERS = { 'content-type': 'application/json' };

type Alert = {
  alertId: string;
  citizenId: string;
  ruleId: string;
  status: string;
  severity: string;
  dueAt: string;
  recipients: Array<{
    unitType: string;
    municipality?: string;
    unitId?: string;
    contact?: { staffId: string };
  }>;
  reason: { code: string; text: string; factEventIds: string[] };
  contactChannels: Array<{ role: string; unitId: string; staffId?: string }>;
  escalations: number;
  acknowledgements: Array<{ unitType: string | null; via: string }>;
  resolution: { by: string; resolvingEventType?: string; reason?: string } | null;
};
type Page = { alerts: Alert[]; nextCursor: string | null };

describe('interface alerts over HTTP', () => {
  let t: TestApp;
  let now = START;

  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => now } });
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, headers: JSON_HEADERS, payload: JSON.stringify(body) });
  const fact = async <T = Record<string, unknown>>(url: string, body: unknown): Promise<T> => {
    const res = await post(url, body);
    if (res.statusCode !== 201) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };
  const register = async () =>
    (await fact<{ citizenId: string }>('/citizens', { alias: 'Alarm', handlekommune: '101' })).citizenId;
  // The inbox is the caller's unit's: a query naming a unit is asked by a principal of that unit.
  const principals = new Map<string, string>();
  const inbox = async (query: string) => {
    const q = new URLSearchParams(query);
    const type = (q.get('unitType') ?? 'social-authority') as UnitType;
    // Invalid parameters are refused before the unit matters: asked by the default principal.
    if (!(UNIT_TYPES as readonly string[]).includes(type) || !/^\d{3}$/.test(q.get('municipality') ?? '101'))
      return t.request({ method: 'GET', url: `/alerts?${query}` });
    const id = q.get('unitId') ?? `${type}-${q.get('municipality') ?? '101'}`;
    if (!principals.has(id))
      principals.set(id, await t.principalFor({ id, type, municipality: q.get('municipality') ?? '101' }));
    return t.as(id, { method: 'GET', url: `/alerts?${query}` });
  };
  const alertsOf = async (query: string, citizenId: string) =>
    (await inbox(query)).json<Page>().alerts?.filter((a) => a.citizenId === citizenId) ?? [];
  const waitFor = (query: string, citizenId: string, check: (alerts: Alert[]) => boolean) =>
    eventually(() => alertsOf(query, citizenId), check);
  const expectProblem = (res: LightMyRequestResponse, status: number, rule: string) => {
    expect({ status: res.statusCode, type: res.json().type }).toEqual({ status, type: `/problems/${rule}` });
    expect(res.headers['content-type']).toContain('application/problem+json');
  };
  const alertEvents = async (alertId: string) =>
    (
      await t.db.pool.query<{ type: string }>(
        'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [`alert-${alertId}`],
      )
    ).rows.map((r) => r.type);

  const psychiatricDischargePlanned = async (citizenId: string, expectedDate = '2026-03-03') => {
    const { admissionId } = await fact<{ admissionId: string }>(
      `/citizens/${citizenId}/institution/hospital-admissions`,
      {
        kind: 'psychiatric',
        hospitalName: 'Psykiatrisk Center København',
        occurredAt: '2026-02-25T14:00:00+01:00',
      },
    );
    await fact(`/citizens/${citizenId}/institution/hospital-admissions/${admissionId}/discharge-planned`, {
      expectedDate,
      destination: 'unit-forsorgshjemmet-roskilde',
      housingStatus: 'no-home',
      medicationNeeds: 'supervised-dispensing',
    });
    return admissionId;
  };

  afterEach(() => {
    now = START;
  });

  it('shows a psychiatric discharge into homelessness as an A1 alert in the social authority inbox, and acknowledging works', async () => {
    const citizenId = await register();
    const admissionId = await psychiatricDischargePlanned(citizenId);

    const [alert] = await waitFor(
      'unitType=social-authority&municipality=101&status=open&ruleId=A1',
      citizenId,
      (a) => a.length === 1,
    );
    expect(alert).toMatchObject({
      ruleId: 'A1',
      status: 'open',
      severity: 'high', // notice less than 48 hours ahead
      dueAt: '2026-03-03T07:00:00.000Z',
      recipients: [
        { unitType: 'social-authority', municipality: '101' },
        { unitType: 'shelter', unitId: 'unit-forsorgshjemmet-roskilde' },
      ],
      reason: { code: 'discharge-short-notice-no-home' },
    });
    expect(alert.reason.text).not.toMatch(/Alarm/);
    expect(await alertsOf('unitType=shelter&unitId=unit-forsorgshjemmet-roskilde', citizenId)).toHaveLength(
      1,
    );
    expect(await alertsOf('unitType=benefits&municipality=101', citizenId)).toHaveLength(0);
    expect(await alertsOf('unitType=social-authority&municipality=147', citizenId)).toHaveLength(0);

    const ack = await post(`/alerts/${alert.alertId}/acknowledge`, { unitType: 'social-authority' });
    expect({ status: ack.statusCode, body: ack.json() }).toEqual({
      status: 201,
      body: { recorded: ['AlertAcknowledged'] },
    });
    expectProblem(
      await post(`/alerts/${alert.alertId}/acknowledge`, { unitType: 'social-authority' }),
      409,
      'alert-already-acknowledged',
    );
    // A unit acts only as itself: naming another unit is refused, and a unit that is no recipient cannot acknowledge.
    expectProblem(
      await post(`/alerts/${alert.alertId}/acknowledge`, { unitType: 'benefits' }),
      403,
      'forbidden',
    );
    expectProblem(
      await t.as('benefits', {
        method: 'POST',
        url: `/alerts/${alert.alertId}/acknowledge`,
        headers: JSON_HEADERS,
        payload: '{}',
      }),
      422,
      'not-a-recipient',
    );
    expectProblem(
      await post('/alerts/0193a4c2-0000-7000-8000-0000000000ff/acknowledge', {}),
      404,
      'alert-not-found',
    );
    const [acknowledged] = await waitFor(
      'unitType=social-authority&municipality=101&status=acknowledged&ruleId=A1',
      citizenId,
      (a) => a.length === 1,
    );
    expect(acknowledged.acknowledgements).toMatchObject([{ unitType: 'social-authority', via: 'inbox' }]);

    // The "unacknowledged after 4 hours" step finds it acknowledged: nothing is escalated.
    now = new Date('2026-03-02T15:00:00Z');
    await eventually(
      async () =>
        (
          await t.db.pool.query(
            'SELECT count(*)::int AS n FROM timers WHERE fired_at IS NULL AND due_at <= $1',
            [now],
          )
        ).rows[0].n,
      (n) => n === 0,
    );
    expect(await alertEvents(alert.alertId)).toEqual(['AlertRaised', 'AlertAcknowledged']);

    // The destination shelter acknowledging the hospital's notice is the handover A1 waits for: it resolves it.
    await t.principalFor({ id: 'unit-forsorgshjemmet-roskilde', type: 'shelter', municipality: '101' });
    const shelterAck = await t.as('unit-forsorgshjemmet-roskilde', {
      method: 'POST',
      url: `/citizens/${citizenId}/institution/notices/${admissionId}/acknowledge`,
      headers: JSON_HEADERS,
      payload: '{}',
    });
    expect(shelterAck.statusCode).toBe(201);
    await eventually(
      () => alertEvents(alert.alertId),
      (types) => types.length === 3,
    );
    expect(await alertEvents(alert.alertId)).toEqual(['AlertRaised', 'AlertAcknowledged', 'AlertResolved']);
    const [resolved] = await waitFor('status=resolved&ruleId=A1', citizenId, (a) => a.length === 1);
    expect(resolved).toMatchObject({ status: 'resolved' });
  });

  it('escalates an unacknowledged A1 alert after 4 hours by timer, exactly once, and resolves it by hand', async () => {
    const citizenId = await register();
    await psychiatricDischargePlanned(citizenId);
    const [alert] = await waitFor(
      'unitType=social-authority&municipality=101&ruleId=A1',
      citizenId,
      (a) => a.length === 1,
    );

    now = new Date('2026-03-02T14:00:00Z');
    const [escalated] = await waitFor(
      'unitType=social-authority&municipality=101&status=escalated',
      citizenId,
      (a) => a.length === 1,
    );
    expect(escalated).toMatchObject({ alertId: alert.alertId, severity: 'critical', escalations: 1 });
    now = new Date('2026-03-02T16:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await alertEvents(alert.alertId)).toEqual(['AlertRaised', 'AlertEscalated']);

    const resolved = await post(`/alerts/${alert.alertId}/resolve`, {
      reason: 'handled',
      unitType: 'social-authority',
    });
    expect(resolved.statusCode).toBe(201);
    expectProblem(await post(`/alerts/${alert.alertId}/resolve`, { reason: 'handled' }), 409, 'alert-closed');
    const res = await post(`/alerts/${alert.alertId}/resolve`, {});
    expect(res.statusCode).toBe(400);
    const [closed] = await waitFor('status=resolved&ruleId=A1', citizenId, (a) => a.length === 1);
    expect(closed.resolution).toEqual({ by: 'manual', reason: 'handled' });
  });

  it('sends a sanction warning for a citizen rehoused two months ago with active support to the support provider unit (A4)', async () => {
    const citizenId = await register();
    const { offerId } = await fact<{ offerId: string }>(`/citizens/${citizenId}/housing/offers`, {
      dwelling: '2-værelses almen bolig, Valby',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: '2025-12-20',
      expectedMoveIn: '2026-01-01',
      occurredAt: '2025-12-01T10:00:00+01:00',
    });
    await fact(`/citizens/${citizenId}/housing/offers/${offerId}/accept`, {
      occurredAt: '2025-12-02T10:00:00+01:00',
    });
    await fact(`/citizens/${citizenId}/housing/offers/${offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2026-01-01',
      occurredAt: '2025-12-15T10:00:00+01:00',
    });
    const { supportId } = await fact<{ supportId: string }>(`/citizens/${citizenId}/support/courses`, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      occurredAt: '2025-12-20T10:00:00+01:00',
    });
    await fact(`/citizens/${citizenId}/support/courses/${supportId}/start`, {
      occurredAt: '2026-01-02T13:00:00+01:00',
    });
    await fact(`/citizens/${citizenId}/housing/move-in`, {
      offerId,
      occurredAt: '2026-01-02T12:00:00+01:00',
    });
    await fact(`/citizens/${citizenId}/contacts`, {
      role: 'support-worker',
      staffId: 'staff-sw-3',
      unitId: 'unit-cti-team-kobenhavn',
      channel: { kind: 'work-phone', value: '+45 33 66 33 66' },
    });
    await fact(`/citizens/${citizenId}/employment/sanction-warnings`, {
      ground: 'missed-meeting',
      readiness: 'activity-ready',
      hearingDeadline: '2026-03-12',
    });

    const [alert] = await waitFor(
      'unitType=support-provider&unitId=unit-cti-team-kobenhavn&ruleId=A4',
      citizenId,
      (a) => a.length === 1,
    );
    expect(alert).toMatchObject({
      severity: 'warning',
      dueAt: '2026-03-11T23:00:00.000Z',
      recipients: [
        {
          unitType: 'support-provider',
          unitId: 'unit-cti-team-kobenhavn',
          contact: { staffId: 'staff-sw-3' },
        },
        { unitType: 'social-authority', municipality: '101' },
        { unitType: 'jobcentre', municipality: '101' },
      ],
      contactChannels: [{ role: 'support-worker', unitId: 'unit-cti-team-kobenhavn', staffId: 'staff-sw-3' }],
      reason: { code: 'sanction-warning-rehoused-citizen' },
    });
    expect(await alertsOf('unitType=jobcentre&municipality=101&ruleId=A4', citizenId)).toHaveLength(1);
    // Moving in with running support raised no A13.
    expect(await alertsOf('status=all&ruleId=A13', citizenId)).toEqual([]);
  });

  it('resolves a deposit fast-track alert (A3) when the application is decided', async () => {
    const citizenId = await register();
    const { offerId } = await fact<{ offerId: string }>(`/citizens/${citizenId}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Frederiksberg',
      housingAssociation: 'fsb',
      monthlyRentKr: 4200,
      depositKr: 12600,
      leaseSigningDeadline: '2026-03-20',
      expectedMoveIn: '2026-04-01',
    });
    const { applicationId } = await fact<{ applicationId: string }>(
      `/citizens/${citizenId}/benefits/deposit-applications`,
      {
        kind: 'beboerindskudslan',
        amountKr: 12600,
        decidingMunicipality: '147',
        socialHousing: true,
        linkedOfferId: offerId,
      },
    );
    const [alert] = await waitFor(
      'unitType=benefits&municipality=147&ruleId=A3',
      citizenId,
      (a) => a.length === 1,
    );
    expect(alert).toMatchObject({ severity: 'warning', dueAt: '2026-03-03T10:00:00.000Z' });

    await fact(`/citizens/${citizenId}/benefits/deposit-applications/${applicationId}/decision`, {
      outcome: 'granted',
    });
    const [resolved] = await waitFor(
      'unitType=benefits&municipality=147&status=resolved&ruleId=A3',
      citizenId,
      (a) => a.length === 1,
    );
    expect(resolved.resolution).toMatchObject({
      by: 'fact-arrived',
      resolvingEventType: 'DepositApplicationDecided',
    });
  });

  it('pages the inbox with a cursor and refuses bad parameters', async () => {
    // The destination shelter's inbox holds both: its notification duty (A2) and the discharge naming it (A1).
    const SHELTER_INBOX = 'unitType=shelter&unitId=unit-forsorgshjemmet-roskilde';
    const citizenId = await register();
    await fact(`/citizens/${citizenId}/shelter-stays`, {
      shelterId: 'unit-forsorgshjemmet-roskilde',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'self-referred',
    });
    await waitFor(`${SHELTER_INBOX}&status=all&citizenId=${citizenId}`, citizenId, (a) => a.length === 1);
    now = new Date('2026-03-02T10:05:00Z');
    await psychiatricDischargePlanned(citizenId, '2026-03-09');
    await waitFor(`${SHELTER_INBOX}&status=all&citizenId=${citizenId}`, citizenId, (a) => a.length === 2);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await inbox(
        `${SHELTER_INBOX}&citizenId=${citizenId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page: Page = res.json<Page>();
      expect(page.alerts.length).toBeLessThanOrEqual(1);
      seen.push(...page.alerts.map((a) => `${a.ruleId}:${a.severity}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A1:warning', 'A2:info']); // most urgent first

    const newest = (await inbox(`${SHELTER_INBOX}&citizenId=${citizenId}&sort=newest`))
      .json<Page>()
      .alerts.map((a) => a.ruleId);
    expect(newest).toEqual(['A1', 'A2']);

    for (const query of [
      'unitType=nobody',
      'municipality=999',
      'limit=0',
      'status=pending',
      'cursor=abc',
      'ruleId=A99',
    ]) {
      const res = await inbox(query);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
    }
    const audited = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM read_audit_log WHERE citizen_id = $1 AND action = 'alerts-inbox'",
      [citizenId],
    );
    expect(audited.rows[0].n).toBeGreaterThan(0);
  });
});
