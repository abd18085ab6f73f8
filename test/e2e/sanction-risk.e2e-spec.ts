import { postFact, readAuditRows, registerCitizen } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 Copenhagen time. */
const NOW = new Date('2026-03-02T10:00:00Z');

type Reason = { code: string; level: string; description: string; monthsAgo?: number; method?: string };
type Risk = {
  citizenId: string;
  checkedAt: string;
  level: string;
  reasons: Reason[];
  hearingContact: {
    role: string;
    staffId: string;
    unitId: string;
    channel: { kind: string; value: string } | null;
  } | null;
};

describe('jobcentre sanction-risk check (flag only)', () => {
  let t: TestApp;
  let rehoused: string;
  let recentlyAdmitted: string;
  let inShelter: string;
  let housedLongAgo: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });

    // Moved into a permanent home two months ago, CTI running; support worker, shelter contact and caseworker known.
    rehoused = await registerCitizen(t, '2025-11-01T09:00:00+01:00');
    let c = `/citizens/${rehoused}`;
    const { offerId } = await postFact(t, `${c}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Sydhavnen',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: '2025-12-20',
      expectedMoveIn: '2026-01-02',
      occurredAt: '2025-12-10T11:00:00+01:00',
    });
    await postFact(t, `${c}/housing/offers/${offerId}/accept`, { occurredAt: '2025-12-11T10:00:00+01:00' });
    await postFact(t, `${c}/housing/offers/${offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2026-01-01',
      occurredAt: '2025-12-18T10:00:00+01:00',
    });
    await postFact(t, `${c}/housing/move-in`, { occurredAt: '2026-01-02T12:00:00+01:00' });
    const { supportId } = await postFact(t, `${c}/support/courses`, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      decidedBeforeShelterDischarge: true,
      occurredAt: '2025-12-19T10:00:00+01:00',
    });
    await postFact(t, `${c}/support/courses/${supportId}/start`, { occurredAt: '2026-01-02T13:00:00+01:00' });
    for (const [role, staffId, unitId, channel] of [
      ['authority-caseworker', 'kk-sof-mh2231', 'kk-socialcenter-amager', undefined],
      ['shelter-contact', 'sctn-kp-17', 'shelter-kollegiet-sct-nicolai', undefined],
      [
        'support-worker',
        'kk-sof-az48213',
        'kk-cti-team-nordvest',
        { kind: 'work-phone', value: '+45 33 17 33 17' },
      ],
    ] as const) {
      await postFact(t, `${c}/contacts`, { role, staffId, unitId, ...(channel ? { channel } : {}) });
    }

    // Only a psychiatric admission 5 weeks ago (discharged); the authority caseworker is the only contact.
    recentlyAdmitted = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    c = `/citizens/${recentlyAdmitted}`;
    const { admissionId } = await postFact(t, `${c}/institution/hospital-admissions`, {
      kind: 'psychiatric',
      hospitalName: 'Psykiatrisk Center København',
      occurredAt: '2026-01-20T08:00:00+01:00',
    });
    await postFact(t, `${c}/institution/hospital-admissions/${admissionId}/discharge`, {
      occurredAt: '2026-01-26T10:00:00+01:00',
    });
    await postFact(t, `${c}/contacts`, {
      role: 'authority-caseworker',
      staffId: 'kk-sof-mh2231',
      unitId: 'kk-socialcenter-amager',
      channel: { kind: 'work-email', value: 'mh2231@kk.dk' },
    });

    // Staying in a §110 shelter; the shelter contact is the channel.
    inShelter = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    c = `/citizens/${inShelter}`;
    await postFact(t, `${c}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'self-referred',
      occurredAt: '2026-02-14T22:00:00+01:00',
    });
    await postFact(t, `${c}/contacts`, {
      role: 'shelter-contact',
      staffId: 'sctn-kp-17',
      unitId: 'shelter-kollegiet-sct-nicolai',
      channel: { kind: 'work-phone', value: '+45 33 12 00 00' },
    });

    // Moved in 14 months ago, nothing else: no longer newly rehoused.
    housedLongAgo = await registerCitizen(t, '2024-11-01T09:00:00+01:00');
    c = `/citizens/${housedLongAgo}`;
    const old = await postFact(t, `${c}/housing/offers`, {
      dwelling: 'Værelse, Nørrebro',
      housingAssociation: 'kab',
      monthlyRentKr: 3900,
      depositKr: 11700,
      leaseSigningDeadline: '2024-12-20',
      expectedMoveIn: '2025-01-01',
      occurredAt: '2024-12-10T11:00:00+01:00',
    });
    await postFact(t, `${c}/housing/offers/${old.offerId}/accept`, {
      occurredAt: '2024-12-11T10:00:00+01:00',
    });
    await postFact(t, `${c}/housing/offers/${old.offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2025-01-01',
      occurredAt: '2024-12-18T10:00:00+01:00',
    });
    await postFact(t, `${c}/housing/move-in`, { occurredAt: '2025-01-02T12:00:00+01:00' });
  });
  afterAll(() => t.close());

  const risk = async (citizenId: string) => {
    const res = await t.request({ method: 'GET', url: `/citizens/${citizenId}/sanction-risk` });
    expect(res.statusCode).toBe(200);
    return res.json<Risk>();
  };

  it('moved in two months ago with CTI running: high, with reasons, and the support worker as contact channel', async () => {
    const r = await eventually(
      () => risk(rehoused),
      (x) => x.reasons.length === 2 && x.hearingContact?.role === 'support-worker',
    );
    expect(r.level).toBe('high');
    expect(r.checkedAt).toBe(NOW.toISOString());
    expect(r.reasons).toEqual([
      expect.objectContaining({ code: 'rehoused', level: 'high', monthsAgo: 2, movedInOn: '2026-01-02' }),
      expect.objectContaining({
        code: 'hf-support-active',
        level: 'high',
        method: 'cti',
        legalBasis: 'serviceloven §85a',
        paused: false,
      }),
    ]);
    expect(r.reasons[0].description).toBe('Moved into a permanent home 2 months ago');
    expect(r.hearingContact).toEqual({
      role: 'support-worker',
      staffId: 'kk-sof-az48213',
      unitId: 'kk-cti-team-nordvest',
      channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
    });
  });

  it('a recent psychiatric admission alone is elevated, and the jobcentre is not told it was psychiatric', async () => {
    const r = await eventually(
      () => risk(recentlyAdmitted),
      (x) => x.level !== 'none' && x.hearingContact !== null,
    );
    expect(r.level).toBe('elevated');
    expect(r.reasons.map((x) => x.code)).toEqual(['recent-institution-stay']);
    expect(JSON.stringify(r)).not.toMatch(/psychiatr|Psykiatrisk|hospitalName|admissionId/i);
    expect(r.hearingContact).toMatchObject({ role: 'authority-caseworker', channel: { kind: 'work-email' } });
  });

  it('in a §110 shelter: high, the shelter contact as channel', async () => {
    const r = await eventually(
      () => risk(inShelter),
      (x) => x.level === 'high' && x.hearingContact !== null,
    );
    expect(r.reasons.map((x) => x.code)).toEqual(['in-shelter']);
    expect(r.hearingContact).toMatchObject({ role: 'shelter-contact', staffId: 'sctn-kp-17' });
  });

  it('a move-in more than 12 months ago is no reason: none, no contact', async () => {
    await eventually(
      async () =>
        (
          await t.db.pool.query(
            'SELECT 1 FROM citizen_tenancies WHERE citizen_id = $1 AND moved_in_at IS NOT NULL',
            [housedLongAgo],
          )
        ).rowCount,
      (n) => n === 1,
    );
    const r = await risk(housedLongAgo);
    expect(r).toMatchObject({ level: 'none', reasons: [], hearingContact: null });
  });

  it('bulk: one answer per distinct id, unknown ids found: false, one audit row per citizen read', async () => {
    const unknown = '0193a4c2-0000-7000-8000-000000000abc';
    const before = await Promise.all(
      [rehoused, recentlyAdmitted, housedLongAgo].map((id) => readAuditRows(t, id, 'sanction-risk')),
    );
    const res = await t.request({
      method: 'POST',
      url: '/sanction-risk/bulk',
      headers: { 'content-type': 'application/json', 'x-purpose': 'sanction-hearing' },
      payload: JSON.stringify({ citizenIds: [rehoused, recentlyAdmitted, unknown, housedLongAgo, rehoused] }),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ checkedAt: string; results: Array<Risk & { found: boolean }> }>();
    expect(body.checkedAt).toBe(NOW.toISOString());
    expect(body.results.map((r) => [r.citizenId, r.found, r.level])).toEqual([
      [rehoused, true, 'high'],
      [recentlyAdmitted, true, 'elevated'],
      [unknown, false, null],
      [housedLongAgo, true, 'none'],
    ]);
    expect(body.results[0].hearingContact?.role).toBe('support-worker');
    const after = await Promise.all(
      [rehoused, recentlyAdmitted, housedLongAgo].map((id) => readAuditRows(t, id, 'sanction-risk')),
    );
    expect(after).toEqual(before.map((n) => n + 1));
    expect(await readAuditRows(t, unknown, 'sanction-risk')).toBe(0);
    const { rows } = await t.db.pool.query(
      `SELECT DISTINCT purpose FROM read_audit_log WHERE citizen_id = $1 AND action = 'sanction-risk'
        AND purpose = 'sanction-hearing'`,
      [rehoused],
    );
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['no ids', { citizenIds: [] }],
    [
      'more than 500 ids',
      { citizenIds: Array.from({ length: 501 }, () => '0193a4c2-0000-7000-8000-000000000abc') },
    ],
    ['an id that is not a UUID', { citizenIds: ['not-a-uuid'] }],
    ['no citizenIds', {}],
    ['an unknown field', { citizenIds: ['0193a4c2-0000-7000-8000-000000000abc'], cpr: '0707614285' }],
  ])('bulk answers %s with 400 problem+json', async (_, body) => {
    const res = await t.request({
      method: 'POST',
      url: '/sanction-risk/bulk',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('404s an unknown citizen on the single check', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/citizens/0193a4c2-0000-7000-8000-000000000abc/sanction-risk',
    });
    expect(res.statusCode).toBe(404);
  });
});
