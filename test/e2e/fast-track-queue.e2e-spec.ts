import { postFact, readAuditRows, registerCitizen } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 Copenhagen time. */
const NOW = new Date('2026-03-02T10:00:00Z');

type Item = {
  applicationId: string;
  citizenId: string;
  kind: string;
  amountKr: number;
  decidingMunicipality: string;
  fastTracked: boolean;
  linkedOfferId: string | null;
  offerStatus: string | null;
  leaseSigningDeadline: string | null;
  deadlineSource: string | null;
  deadlineAt: string | null;
  timeToDeadline: { hours: number; days: number; overdue: boolean } | null;
  timeInQueue: { hours: number; days: number };
  documentationOutstanding: number;
};
type Queue = { municipality: string; asOf: string; items: Item[]; nextCursor: string | null };

describe('benefits fast-track queue', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const citizens: Record<string, string> = {};

  const submit = (citizenId: string, body: Record<string, unknown>) =>
    postFact<{ applicationId: string }>(t, `/citizens/${citizenId}/benefits/deposit-applications`, {
      kind: 'moving-expenses',
      amountKr: 14550,
      decidingMunicipality: '101',
      ...body,
    }).then((r) => r.applicationId);

  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
    // The queue is the benefits office's of one municipality: one office per municipality the tests read.
    for (const m of ['101', '751', '461'])
      await t.principalFor({ id: `benefits-${m}`, type: 'benefits', municipality: m });
    for (const name of ['own', 'offer', 'none', 'decided', 'aarhus', 'furniture', 'unknownOffer'])
      citizens[name] = await registerCitizen(t, '2026-01-05T09:00:00+01:00');

    // Its own deadline, 20 March; submitted a week ago.
    ids.own = await submit(citizens.own, {
      leaseSigningDeadline: '2026-03-20',
      occurredAt: '2026-02-23T09:00:00+01:00',
    });
    // No deadline of its own, but linked to an offer whose lease must be signed by 5 March: the top of the queue.
    const { offerId } = await postFact(t, `/citizens/${citizens.offer}/housing/offers`, {
      dwelling: '2-værelses almen bolig, Valby',
      housingAssociation: 'fsb',
      monthlyRentKr: 5400,
      depositKr: 16200,
      leaseSigningDeadline: '2026-03-05',
      expectedMoveIn: '2026-03-15',
      occurredAt: '2026-02-26T11:00:00+01:00',
    });
    ids.offer = await submit(citizens.offer, {
      kind: 'beboerindskudslan',
      socialHousing: true,
      amountKr: 16200,
      linkedOfferId: offerId,
      occurredAt: '2026-02-27T09:00:00+01:00',
    });
    ids.offerId = offerId;
    await postFact(t, `/citizens/${citizens.offer}/benefits/deposit-applications/${ids.offer}/fast-track`, {
      reason: 'housing-offer-lease-deadline',
      occurredAt: '2026-02-27T09:30:00+01:00',
    });
    await postFact(t, `/citizens/${citizens.offer}/housing/offers/${offerId}/accept`, {
      occurredAt: '2026-02-28T10:00:00+01:00',
    });
    // Neither linked nor with a deadline: not a fast-track case.
    ids.none = await submit(citizens.none, { occurredAt: '2026-02-20T09:00:00+01:00' });
    // Decided: out of the queue.
    ids.decided = await submit(citizens.decided, {
      leaseSigningDeadline: '2026-03-03',
      occurredAt: '2026-02-24T09:00:00+01:00',
    });
    await postFact(t, `/citizens/${citizens.decided}/benefits/deposit-applications/${ids.decided}/decision`, {
      outcome: 'granted',
      occurredAt: '2026-02-25T09:00:00+01:00',
    });
    // Another municipality decides.
    ids.aarhus = await submit(citizens.aarhus, {
      decidingMunicipality: '751',
      leaseSigningDeadline: '2026-03-04',
      occurredAt: '2026-02-24T09:00:00+01:00',
    });
    // A furniture grant does not stand between the citizen and the lease.
    ids.furniture = await submit(citizens.furniture, {
      kind: 'furniture-grant',
      amountKr: 5000,
      leaseSigningDeadline: '2026-03-04',
      occurredAt: '2026-02-24T09:00:00+01:00',
    });
    // Linked to an offer the read model does not know: in the queue, after every known deadline.
    ids.unknownOffer = await submit(citizens.unknownOffer, {
      linkedOfferId: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b',
      occurredAt: '2026-02-21T09:00:00+01:00',
    });
    await postFact(
      t,
      `/citizens/${citizens.unknownOffer}/benefits/deposit-applications/${ids.unknownOffer}/documentation-requests`,
      { what: 'lease-contract', dueDate: '2026-03-06', occurredAt: '2026-02-22T09:00:00+01:00' },
    );
  });
  afterAll(() => t.close());

  const queue = async (query: string) => {
    const municipality = /municipality=(\d+)/.exec(query)?.[1] ?? '101';
    const res = await t.as(`benefits-${municipality}`, {
      method: 'GET',
      url: `/benefits/fast-track-queue?${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<Queue>();
  };

  it("refuses another municipality's queue", async () => {
    const res = await t.as('benefits-751', {
      method: 'GET',
      url: '/benefits/fast-track-queue?municipality=101',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('orders by lease-signing deadline: the housing offer puts its application at the top', async () => {
    const q = await eventually(
      () => queue('municipality=101'),
      (x) =>
        x.items.length === 3 &&
        x.items[0].offerStatus === 'accepted' &&
        x.items[2].documentationOutstanding === 1,
    );
    expect(q.municipality).toBe('101');
    expect(q.asOf).toBe(NOW.toISOString());
    expect(q.nextCursor).toBeNull();
    expect(q.items.map((i) => i.applicationId)).toEqual([ids.offer, ids.own, ids.unknownOffer]);

    const [top, second, last] = q.items;
    expect(top).toMatchObject({
      citizenId: citizens.offer,
      kind: 'beboerindskudslan',
      amountKr: 16200,
      decidingMunicipality: '101',
      fastTracked: true,
      linkedOfferId: ids.offerId,
      offerStatus: 'accepted',
      leaseSigningDeadline: '2026-03-05',
      deadlineSource: 'housing-offer',
      // The end of 5 March in Copenhagen (CET).
      deadlineAt: '2026-03-05T23:00:00.000Z',
      // From Monday 2 March 10:00 UTC: 85 hours, 3 calendar days.
      timeToDeadline: { hours: 85, days: 3, overdue: false },
      // Submitted Friday 27 February 08:00 UTC: 74 hours.
      timeInQueue: { hours: 74, days: 3 },
      documentationOutstanding: 0,
    });
    expect(second).toMatchObject({
      fastTracked: false,
      leaseSigningDeadline: '2026-03-20',
      deadlineSource: 'application',
      timeToDeadline: { days: 18, overdue: false },
      timeInQueue: { days: 7 },
    });
    expect(last).toMatchObject({
      linkedOfferId: '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b',
      offerStatus: null,
      leaseSigningDeadline: null,
      deadlineSource: null,
      timeToDeadline: null,
      documentationOutstanding: 1,
    });
  });

  it('carries no personal data: the citizen appears by id only', async () => {
    const q = await queue('municipality=101');
    for (const item of q.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'amountKr',
          'applicationId',
          'citizenId',
          'deadlineAt',
          'deadlineSource',
          'decidingMunicipality',
          'documentationOutstanding',
          'fastTrackReason',
          'fastTracked',
          'fastTrackedAt',
          'kind',
          'leaseSigningDeadline',
          'legalBasis',
          'linkedOfferId',
          'offerStatus',
          'submittedAt',
          'timeInQueue',
          'timeToDeadline',
        ].sort(),
      );
    }
    expect(JSON.stringify(q)).not.toMatch(/Read model test|alias|cpr|name/i);
  });

  it('filters by deciding municipality', async () => {
    const q = await eventually(
      () => queue('municipality=751'),
      (x) => x.items.length === 1,
    );
    expect(q.items.map((i) => i.applicationId)).toEqual([ids.aarhus]);
    expect((await queue('municipality=461')).items).toEqual([]);
  });

  it('pages with a cursor, in the same order, without gaps or repeats', async () => {
    const first = await queue('municipality=101&limit=2');
    expect(first.items.map((i) => i.applicationId)).toEqual([ids.offer, ids.own]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await queue(`municipality=101&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.applicationId)).toEqual([ids.unknownOffer]);
    expect(second.nextCursor).toBeNull();
  });

  it('writes one audit row per citizen on the page', async () => {
    const before = await Promise.all(
      [citizens.offer, citizens.own, citizens.unknownOffer].map((c) =>
        readAuditRows(t, c, 'fast-track-queue'),
      ),
    );
    await queue('municipality=101&limit=2');
    const after = await Promise.all(
      [citizens.offer, citizens.own, citizens.unknownOffer].map((c) =>
        readAuditRows(t, c, 'fast-track-queue'),
      ),
    );
    expect(after).toEqual([before[0] + 1, before[1] + 1, before[2]]);
  });

  it.each([
    ['no municipality', ''],
    ['an unknown municipality code', 'municipality=999'],
    ['a zero limit', 'municipality=101&limit=0'],
    ['a limit above the maximum', 'municipality=101&limit=201'],
    ['a non-numeric limit', 'municipality=101&limit=ten'],
    ['a made-up cursor', 'municipality=101&cursor=bm90LWEtY3Vyc29y'],
    ['an unknown parameter', 'municipality=101&sort=amount'],
  ])('answers %s with 400 problem+json', async (_, query) => {
    const res = await t.request({ method: 'GET', url: `/benefits/fast-track-queue?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
