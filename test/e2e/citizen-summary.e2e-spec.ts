import { postFact, readAuditRows, registerCitizen } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 Copenhagen time. */
const NOW = new Date('2026-03-02T10:00:00Z');

type Summary = {
  citizenId: string;
  asOf: string;
  linkedRecordIds: string[];
  handlekommune: string | null;
  died: boolean;
  housing: {
    status: string;
    permanentHome: boolean;
    since: string | null;
    tenancy: { offerId: string; leaseType: string; movedInAt: string } | null;
  };
  shelterStay: { stayId: string; shelterName: string; since: string; days: number } | null;
  support: {
    active: boolean;
    methods: string[];
    paused: boolean;
    courses: Array<{
      supportId: string;
      method: string;
      status: string;
      paused: boolean;
      pauseReason: string | null;
    }>;
  };
  contacts: Array<{
    role: string;
    staffId: string;
    unitId: string;
    channel: { kind: string; value: string } | null;
  }>;
  jobcentreCaseworker: { staffId: string; unitId: string; source: string; channel: unknown } | null;
  openAlerts: unknown[];
  openAlertsCount: number;
};

describe('citizen summary', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const summary = async (citizenId: string): Promise<Summary> => {
    const res = await t.request({ method: 'GET', url: `/citizens/${citizenId}/summary` });
    expect(res.statusCode).toBe(200);
    return res.json<Summary>();
  };
  const summaryWhen = (citizenId: string, check: (s: Summary) => boolean) =>
    eventually(() => summary(citizenId), check);

  const offerAndLease = async (c: string, leaseType: 'permanent' | 'transitional', day: string) => {
    const { offerId } = await postFact(t, `${c}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Sydhavnen',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: `2026-01-${day}`,
      expectedMoveIn: `2026-01-${day}`,
      occurredAt: `2026-01-${day}T09:00:00+01:00`,
    });
    await postFact(t, `${c}/housing/offers/${offerId}/accept`, {
      occurredAt: `2026-01-${day}T10:00:00+01:00`,
    });
    await postFact(t, `${c}/housing/offers/${offerId}/lease`, {
      leaseType,
      leaseStartsOn: `2026-01-${day}`,
      occurredAt: `2026-01-${day}T11:00:00+01:00`,
    });
    return offerId;
  };

  it('in a shelter: no home, the open stay with its days, support, named contacts and the jobcentre caseworker', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00', '101');
    const c = `/citizens/${citizenId}`;
    const { stayId } = await postFact(t, `${c}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'referred',
      occurredAt: '2026-01-14T15:00:00+01:00',
    });
    await postFact(t, `${c}/contacts`, {
      role: 'support-worker',
      staffId: 'kk-sof-az48213',
      unitId: 'kk-cti-team-nordvest',
      channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
      occurredAt: '2026-01-20T10:00:00+01:00',
    });
    await postFact(t, `${c}/contacts`, {
      role: 'shelter-contact',
      staffId: 'sctn-kp-17',
      unitId: 'shelter-kollegiet-sct-nicolai',
      occurredAt: '2026-01-15T10:00:00+01:00',
    });
    await postFact(t, `${c}/employment/caseworker-assignments`, {
      caseworkerId: 'kk-bif-jc-10422',
      unitId: 'kk-jobcenter-kobenhavn',
      occurredAt: '2026-01-21T10:00:00+01:00',
    });
    const { supportId } = await postFact(t, `${c}/support/courses`, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      decidedBeforeShelterDischarge: true,
      occurredAt: '2026-01-22T10:00:00+01:00',
    });
    await postFact(t, `${c}/support/courses/${supportId}/start`, { occurredAt: '2026-01-23T10:00:00+01:00' });

    const s = await summaryWhen(citizenId, (x) => x.support.active && x.jobcentreCaseworker !== null);
    expect(s.asOf).toBe(NOW.toISOString());
    expect(s.handlekommune).toBe('101');
    expect(s.housing).toEqual({ status: 'no-home', permanentHome: false, since: null, tenancy: null });
    // 14 January to 2 March: 47 nights.
    expect(s.shelterStay).toMatchObject({ stayId, shelterName: 'Kollegiet Sct. Nicolai', days: 47 });
    expect(s.support).toMatchObject({ active: true, methods: ['cti'], paused: false });
    expect(s.support.courses).toEqual([
      expect.objectContaining({
        supportId,
        method: 'cti',
        status: 'active',
        paused: false,
        pauseReason: null,
      }),
    ]);
    expect(s.contacts).toEqual([
      expect.objectContaining({
        role: 'shelter-contact',
        staffId: 'sctn-kp-17',
        unitId: 'shelter-kollegiet-sct-nicolai',
        channel: null,
      }),
      expect.objectContaining({
        role: 'support-worker',
        staffId: 'kk-sof-az48213',
        unitId: 'kk-cti-team-nordvest',
        channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
      }),
    ]);
    expect(s.jobcentreCaseworker).toMatchObject({
      staffId: 'kk-bif-jc-10422',
      unitId: 'kk-jobcenter-kobenhavn',
      source: 'employment',
    });
    // Filled by the alerts read model when it exists (another engineer's work), an empty list until then.
    expect(Array.isArray(s.openAlerts)).toBe(true);
    expect(s.openAlertsCount).toBe(s.openAlerts.length);

    // A psychiatric admission pauses the course (never ends it); the summary says paused.
    await postFact(t, `${c}/institution/hospital-admissions`, {
      kind: 'psychiatric',
      hospitalName: 'Psykiatrisk Center København',
      occurredAt: '2026-02-20T08:00:00+01:00',
    });
    const paused = await summaryWhen(citizenId, (x) => x.support.paused);
    expect(paused.support).toMatchObject({ active: true, methods: ['cti'], paused: true });
    expect(paused.support.courses[0]).toMatchObject({ status: 'paused', paused: true });

    // Unassigning a contact removes it.
    await postFact(t, `${c}/contacts/shelter-contact/unassign`, { occurredAt: '2026-02-21T08:00:00+01:00' });
    const unassigned = await summaryWhen(citizenId, (x) => x.contacts.length === 1);
    expect(unassigned.contacts.map((x) => x.role)).toEqual(['support-worker']);
  });

  it('a permanent lease and a move-in end homelessness; the tenancy ending starts it again', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00', '751');
    const c = `/citizens/${citizenId}`;
    const offerId = await offerAndLease(c, 'permanent', '10');
    // Signed but not moved in: still no home.
    await eventually(
      async () =>
        (
          await t.db.pool.query(
            'SELECT 1 FROM citizen_tenancies WHERE offer_id = $1 AND lease_type IS NOT NULL',
            [offerId],
          )
        ).rowCount,
      (n) => n === 1,
    );
    expect((await summary(citizenId)).housing.status).toBe('no-home');

    await postFact(t, `${c}/housing/move-in`, { occurredAt: '2026-01-12T12:00:00+01:00' });
    const housed = await summaryWhen(citizenId, (x) => x.housing.permanentHome);
    expect(housed.housing).toEqual({
      status: 'permanent-home',
      permanentHome: true,
      since: '2026-01-12T11:00:00.000Z',
      tenancy: expect.objectContaining({
        offerId,
        leaseType: 'permanent',
        leaseStartsOn: '2026-01-10',
        movedInAt: '2026-01-12T11:00:00.000Z',
      }),
    });
    expect(housed.handlekommune).toBe('751');

    await postFact(t, `${c}/housing/tenancy-ended`, {
      reason: 'terminated-by-landlord',
      occurredAt: '2026-02-20T10:00:00+01:00',
    });
    const ended = await summaryWhen(citizenId, (x) => !x.housing.permanentHome);
    expect(ended.housing).toEqual({
      status: 'no-home',
      permanentHome: false,
      since: '2026-02-20T09:00:00.000Z',
      tenancy: null,
    });
  });

  it('a transitional lease with a move-in is housing, but not a permanent home', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    const c = `/citizens/${citizenId}`;
    await offerAndLease(c, 'transitional', '15');
    await postFact(t, `${c}/housing/move-in`, { occurredAt: '2026-01-16T12:00:00+01:00' });
    const s = await summaryWhen(citizenId, (x) => x.housing.status !== 'no-home');
    expect(s.housing).toMatchObject({
      status: 'transitional-housing',
      permanentHome: false,
      since: '2026-01-16T11:00:00.000Z',
    });
  });

  it('an executed eviction ends the permanent home', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    const c = `/citizens/${citizenId}`;
    await offerAndLease(c, 'permanent', '10');
    await postFact(t, `${c}/housing/move-in`, { occurredAt: '2026-01-11T12:00:00+01:00' });
    await postFact(t, `${c}/housing/eviction-notices`, {
      bailiffDate: '2026-02-25',
      occurredAt: '2026-02-10T10:00:00+01:00',
    });
    await postFact(t, `${c}/housing/eviction-executed`, { occurredAt: '2026-02-25T10:00:00+01:00' });
    const s = await summaryWhen(citizenId, (x) => x.housing.since === '2026-02-25T09:00:00.000Z');
    expect(s.housing).toMatchObject({ status: 'no-home', permanentHome: false });
  });

  it('falls back to the contacts for the jobcentre caseworker, audits each read, 404s an unknown citizen', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    await postFact(t, `/citizens/${citizenId}/contacts`, {
      role: 'jobcentre-caseworker',
      staffId: 'kk-jc-7781',
      unitId: 'kk-jobcenter-kobenhavn',
      channel: { kind: 'work-email', value: 'jc7781@kk.dk' },
    });
    const s = await summaryWhen(citizenId, (x) => x.jobcentreCaseworker !== null);
    expect(s.jobcentreCaseworker).toMatchObject({
      staffId: 'kk-jc-7781',
      source: 'contacts',
      channel: { kind: 'work-email', value: 'jc7781@kk.dk' },
    });
    const before = await readAuditRows(t, citizenId, 'citizen-summary');
    await summary(citizenId);
    expect(await readAuditRows(t, citizenId, 'citizen-summary')).toBe(before + 1);

    const unknown = await t.request({
      method: 'GET',
      url: '/citizens/0193a4c2-0000-7000-8000-000000000abc/summary',
    });
    expect(unknown.statusCode).toBe(404);
    const junk = await t.request({ method: 'GET', url: '/citizens/not-a-uuid/summary' });
    expect(junk.statusCode).toBe(400);
    expect(junk.headers['content-type']).toContain('application/problem+json');
  });

  it('lists open alerts from the alert inbox table when it exists, and only open ones', async () => {
    const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    await summaryWhen(citizenId, (x) => x.handlekommune !== null);
    const { rows } = await t.db.pool.query(`SELECT to_regclass('alerts_inbox')::text AS t`);
    if (rows[0].t !== null) {
      // The alerts read model is installed; its own tests cover its rows. The summary still answers a list.
      const s = await summary(citizenId);
      expect(s.openAlertsCount).toBe(s.openAlerts.length);
      return;
    }
    expect((await summary(citizenId)).openAlerts).toEqual([]);
    // A stand-in inbox with the columns the summary reads (the real one is made by the alerts migrations).
    await t.db.pool.query(
      `CREATE TABLE alerts_inbox (alert_id uuid PRIMARY KEY, citizen_id uuid NOT NULL, rule_id text, severity text,
                                  status text, due_at timestamptz)`,
    );
    try {
      await t.db.pool.query(
        `INSERT INTO alerts_inbox VALUES
           ('0195b2d0-7e4f-7e9f-8a2b-000000000001', $1, 'A2', 'high', 'open', '2026-03-04T12:00:00Z'),
           ('0195b2d0-7e4f-7e9f-8a2b-000000000002', $1, 'A13', 'medium', 'resolved', '2026-03-01T12:00:00Z'),
           ('0195b2d0-7e4f-7e9f-8a2b-000000000003', $1, 'A8', 'low', 'acknowledged', '2026-03-03T12:00:00Z')`,
        [citizenId],
      );
      const s = await summary(citizenId);
      expect(s.openAlertsCount).toBe(2);
      expect(s.openAlerts).toEqual([
        {
          alertId: '0195b2d0-7e4f-7e9f-8a2b-000000000003',
          rule: 'A8',
          severity: 'low',
          status: 'acknowledged',
          dueAt: '2026-03-03T12:00:00.000Z',
        },
        {
          alertId: '0195b2d0-7e4f-7e9f-8a2b-000000000001',
          rule: 'A2',
          severity: 'high',
          status: 'open',
          dueAt: '2026-03-04T12:00:00.000Z',
        },
      ]);
    } finally {
      await t.db.pool.query('DROP TABLE alerts_inbox');
    }
  });

  it('covers linked records of the same person', async () => {
    const a = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    const b = await registerCitizen(t, '2026-01-06T09:00:00+01:00');
    await postFact(t, `/citizens/${b}/shelter-stays`, {
      shelterId: 'shelter-hillerodgade',
      shelterName: 'Herberget Hillerødgade',
      municipalityOfStay: '101',
      referral: 'self-referred',
      occurredAt: '2026-02-01T22:00:00+01:00',
    });
    await postFact(t, `/citizens/${a}/record-links`, {
      linkedCitizenId: b,
      reason: 'same person, seen at shelter',
    });
    const s = await summaryWhen(a, (x) => x.shelterStay !== null);
    expect(s.linkedRecordIds).toEqual([b]);
    expect(s.shelterStay).toMatchObject({ shelterName: 'Herberget Hillerødgade', days: 29 });
  });
});
