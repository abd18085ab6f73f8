import { eventually, startTestApp, TestApp } from '../support/test-app';

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Monday 2 March 2026, 11:00 in Copenhagen: every fact below happened before it. */
const NOW = new Date('2026-03-02T10:00:00Z');
const UNKNOWN_ID = '0193a4c2-0000-7000-8000-00000000abcd';

const offerBody = {
  dwelling: '2-værelses almen bolig, Valby',
  housingAssociation: 'fsb',
  monthlyRentKr: 5450,
  depositKr: 16350,
  leaseSigningDeadline: '2026-03-20',
  expectedMoveIn: '2026-04-01',
};

type Problem = { status: number; type: string; rule?: string; errors?: Array<{ pointer: string }> };
type TimelineEntry = { type: string; occurredAt: string; summary: string };

describe('plan & assessment and housing over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url,
      headers: { ...JSON_HEADERS, ...headers },
      payload: JSON.stringify(body),
    });
  const register = async () => {
    const res = await post('/citizens', { alias: 'Bamse', handlekommune: '101' });
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  };
  const streamLength = async (stream: string) =>
    Number(
      (await t.db.pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [stream])).rows[0].count,
    );
  const timeline = async (citizenId: string, expected: number) => {
    const res = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (r) => (r.json<{ entries?: unknown[] }>().entries?.length ?? 0) >= expected,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{ entries: TimelineEntry[] }>().entries;
  };
  const expectProblem = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => unknown;
  }) => {
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json() as Problem;
  };

  /** offered, accepted, leased (permanent) and moved in; returns the offer id */
  const housedCitizen = async (citizenId: string) => {
    const base = `/citizens/${citizenId}/housing`;
    const offered = await post(`${base}/offers`, { ...offerBody, occurredAt: '2025-10-06T10:00:00+02:00' });
    expect(offered.statusCode).toBe(201);
    const { offerId } = offered.json<{ offerId: string }>();
    expect(
      (await post(`${base}/offers/${offerId}/accept`, { occurredAt: '2025-10-07T13:00:00+02:00' }))
        .statusCode,
    ).toBe(201);
    const lease = await post(`${base}/offers/${offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2025-11-01',
      occurredAt: '2025-10-14T14:00:00+02:00',
    });
    expect(lease.statusCode).toBe(201);
    expect((await post(`${base}/move-in`, { occurredAt: '2025-11-01T14:00:00+01:00' })).statusCode).toBe(201);
    return offerId;
  };

  describe('plan & assessment', () => {
    it('records assessment, §141 plan and waiting-period plan, and shows them on the timeline', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/plan`;

      const started = await post(`${base}/assessments`, {
        method: 'vum-2.0',
        expectedCompletionBy: '2026-02-27',
        occurredAt: '2026-01-12T10:00:00+01:00',
      });
      expect(started.statusCode).toBe(201);
      const { assessmentId, recorded } = started.json<{ assessmentId: string; recorded: string[] }>();
      expect(recorded).toEqual(['AssessmentStarted']);
      expect(assessmentId).toMatch(/^[0-9a-f-]{36}$/);

      const completed = await post(`${base}/assessments/${assessmentId}/complete`, {
        supportNeedIdentified: true,
        occurredAt: '2026-02-20T14:00:00+01:00',
      });
      expect(completed.statusCode).toBe(201);
      expect(completed.json()).toEqual({ recorded: ['AssessmentCompleted'] });

      const offered = await post(`${base}/action-plans`, { occurredAt: '2026-02-23T11:00:00+01:00' });
      expect(offered.statusCode).toBe(201);
      const { actionPlanId } = offered.json<{ actionPlanId: string }>();

      const made = await post(`${base}/action-plans/${actionPlanId}/make`, {
        focusAreas: ['housing', 'economy', 'health'],
        nextFollowUpDue: '2026-05-26',
        occurredAt: '2026-02-26T15:00:00+01:00',
      });
      expect(made.statusCode).toBe(201);
      expect(made.json()).toEqual({ recorded: ['ActionPlanMade'] });

      const followedUp = await post(`${base}/action-plans/${actionPlanId}/follow-ups`, {
        revised: true,
        nextFollowUpDue: '2026-06-01',
        occurredAt: '2026-03-01T10:00:00+01:00',
      });
      expect(followedUp.statusCode).toBe(201);

      const waiting = await post(`${base}/waiting-period-plans`, {
        stayingAt: 'shelter',
        supportedBy: 'support-provider',
        supportUnitName: 'CTI-teamet, Socialforvaltningen København',
        housingExpectedBy: '2026-09-01',
        occurredAt: '2026-02-26T16:00:00+01:00',
      });
      expect(waiting.statusCode).toBe(201);
      expect(waiting.json()).toEqual({ recorded: ['WaitingPeriodPlanRecorded'] });

      const entries = await timeline(citizenId, 7);
      expect(entries.map((e) => e.type)).toEqual([
        'AssessmentStarted',
        'AssessmentCompleted',
        'ActionPlanOffered',
        'ActionPlanMade',
        'WaitingPeriodPlanRecorded',
        'ActionPlanFollowedUp',
        'CitizenRegistered',
      ]);
      const summaries = entries.map((e) => e.summary);
      expect(summaries[0]).toBe('Adult assessment (VUM 2.0) started; expected completed by 2026-02-27');
      expect(summaries[3]).toBe(
        'Action plan (serviceloven §141) made with 3 focus areas; next follow-up due 2026-05-26',
      );
      expect(summaries[3]).not.toContain('health');
      expect(summaries[4]).toContain('CTI-teamet');

      const { rows } = await t.db.pool.query(
        `SELECT type, metadata->>'legalBasis' AS "legalBasis" FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [`plan-${citizenId}`],
      );
      expect(rows.find((r) => r.type === 'ActionPlanMade')?.legalBasis).toBe('serviceloven §141');
    });

    it('refuses what the plan history forbids as problem+json, appending nothing', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/plan`;
      const stream = `plan-${citizenId}`;

      const notStarted = await post(`${base}/assessments/${UNKNOWN_ID}/complete`, {
        supportNeedIdentified: true,
      });
      expect(notStarted.statusCode).toBe(404);
      expect(expectProblem(notStarted)).toMatchObject({
        status: 404,
        rule: 'assessment-not-found',
        type: '/problems/assessment-not-found',
      });

      const notOffered = await post(`${base}/action-plans/${UNKNOWN_ID}/decline`, {});
      expect(notOffered.statusCode).toBe(404);
      expect(expectProblem(notOffered).rule).toBe('action-plan-not-offered');
      expect(await streamLength(stream)).toBe(0);

      const offered = await post(`${base}/action-plans`, {});
      const { actionPlanId } = offered.json<{ actionPlanId: string }>();
      const notMade = await post(`${base}/action-plans/${actionPlanId}/follow-ups`, { revised: false });
      expect(notMade.statusCode).toBe(409);
      expect(expectProblem(notMade)).toMatchObject({ rule: 'action-plan-not-made', status: 409 });

      const pending = await post(`${base}/action-plans`, {});
      expect(pending.statusCode).toBe(409);
      expect(expectProblem(pending)).toMatchObject({
        rule: 'action-plan-offer-pending',
        pendingActionPlanId: actionPlanId,
      });

      expect((await post(`${base}/action-plans/${actionPlanId}/decline`, {})).statusCode).toBe(201);
      const twice = await post(`${base}/action-plans/${actionPlanId}/decline`, {});
      expect(twice.statusCode).toBe(409);
      expect(expectProblem(twice).rule).toBe('action-plan-offer-already-answered');

      const first = await post(`${base}/assessments`, { method: 'vum-2.0' });
      expect(first.statusCode).toBe(201);
      const second = await post(`${base}/assessments`, { method: 'vum-2.0' });
      expect(second.statusCode).toBe(409);
      expect(expectProblem(second).rule).toBe('assessment-already-in-progress');

      const early = await post(`${base}/waiting-period-plans`, {
        stayingAt: 'street',
        supportedBy: 'outreach-team',
        housingExpectedBy: '2026-03-01',
      });
      expect(early.statusCode).toBe(422);
      expect(expectProblem(early).rule).toBe('housing-expected-before-plan');

      expect(await streamLength(stream)).toBe(3);
    });

    it('refuses invalid bodies with 400 naming each field', async () => {
      const citizenId = await register();
      const res = await post(`/citizens/${citizenId}/plan/action-plans/${UNKNOWN_ID}/make`, {
        focusAreas: ['housing', 'sobriety'],
        nextFollowUpDue: '2026-02-30',
      });
      expect(res.statusCode).toBe(400);
      const pointers = (expectProblem(res).errors ?? []).map((e) => e.pointer).sort();
      expect(pointers).toEqual(['/focusAreas', '/nextFollowUpDue']);
    });
  });

  describe('housing', () => {
    it('records waiting list to averted eviction, and shows the chain with amounts and deadlines', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/housing`;

      const listed = await post(`${base}/waiting-lists`, {
        housingType: 'almen-bolig',
        municipality: '101',
        housingAssociation: 'fsb',
        occurredAt: '2025-09-01T10:00:00+02:00',
      });
      expect(listed.statusCode).toBe(201);
      expect(listed.json()).toEqual({ recorded: ['WaitingListRegistered'] });

      const allocation = await post(`${base}/allocation-requests`, {
        municipality: '101',
        housingType: 'almen-bolig',
        occurredAt: '2025-09-15T10:00:00+02:00',
      });
      expect(allocation.statusCode).toBe(201);
      const { allocationRequestId } = allocation.json<{ allocationRequestId: string }>();

      const offered = await post(`${base}/offers`, {
        ...offerBody,
        leaseSigningDeadline: '2025-10-20',
        expectedMoveIn: '2025-11-01',
        allocationRequestId,
        occurredAt: '2025-10-06T10:00:00+02:00',
      });
      expect(offered.statusCode).toBe(201);
      const { offerId, recorded } = offered.json<{ offerId: string; recorded: string[] }>();
      expect(recorded).toEqual(['HousingOffered']);

      const steps: Array<[string, Record<string, unknown>, string]> = [
        [`offers/${offerId}/accept`, { occurredAt: '2025-10-07T13:00:00+02:00' }, 'HousingOfferAccepted'],
        [
          `offers/${offerId}/lease`,
          { leaseType: 'permanent', leaseStartsOn: '2025-11-01', occurredAt: '2025-10-14T14:00:00+02:00' },
          'LeaseSigned',
        ],
        ['move-in', { occurredAt: '2025-11-01T14:00:00+01:00' }, 'MovedIn'],
        [
          'rent-arrears',
          { amountKr: 10900, monthsInArrears: 2, occurredAt: '2026-01-15T10:00:00+01:00' },
          'RentArrearsReported',
        ],
        [
          'eviction-notices',
          { bailiffDate: '2026-03-17', occurredAt: '2026-02-02T10:00:00+01:00' },
          'EvictionNoticeReceived',
        ],
        [
          'eviction-averted',
          { avertedBy: 'payment-agreement', offerId, occurredAt: '2026-02-20T15:00:00+01:00' },
          'EvictionAverted',
        ],
      ];
      for (const [path, body, type] of steps) {
        const res = await post(`${base}/${path}`, body);
        expect({ path, status: res.statusCode }).toEqual({ path, status: 201 });
        expect(res.json()).toEqual({ recorded: [type] });
      }

      const entries = await timeline(citizenId, 10);
      expect(entries.map((e) => e.type)).toEqual([
        'WaitingListRegistered',
        'AllocationRequested',
        'HousingOffered',
        'HousingOfferAccepted',
        'LeaseSigned',
        'MovedIn',
        'RentArrearsReported',
        'EvictionNoticeReceived',
        'EvictionAverted',
        'CitizenRegistered',
      ]);
      const summary = (type: string) => entries.find((e) => e.type === type)?.summary;
      expect(summary('HousingOffered')).toBe(
        'Housing offered: 2-værelses almen bolig, Valby (fsb), rent 5,450 kr/month, deposit 16,350 kr; ' +
          'sign lease by 2025-10-20, expected move-in 2025-11-01; via municipal allocation',
      );
      expect(summary('LeaseSigned')).toContain('Permanent lease');
      expect(summary('RentArrearsReported')).toBe('Rent arrears reported: 10,900 kr (2 months)');
      expect(summary('EvictionNoticeReceived')).toContain('2026-03-17');

      const { rows } = await t.db.pool.query(
        `SELECT metadata->>'legalBasis' AS "legalBasis" FROM events WHERE stream_id = $1 AND type = 'AllocationRequested'`,
        [`housing-${citizenId}`],
      );
      expect(rows).toEqual([{ legalBasis: 'almenboligloven §59' }]);
    });

    it('lets an accepted offer lapse for benefits processing time, and then refuses a lease for it', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/housing`;
      const { offerId } = (await post(`${base}/offers`, offerBody)).json<{ offerId: string }>();
      expect((await post(`${base}/offers/${offerId}/accept`, {})).statusCode).toBe(201);
      const lapsed = await post(`${base}/offers/${offerId}/lapse`, { reason: 'benefits-processing-time' });
      expect(lapsed.statusCode).toBe(201);
      expect(lapsed.json()).toEqual({ recorded: ['HousingOfferLapsed'] });

      const lease = await post(`${base}/offers/${offerId}/lease`, {
        leaseType: 'permanent',
        leaseStartsOn: '2026-04-01',
      });
      expect(lease.statusCode).toBe(409);
      expect(expectProblem(lease)).toMatchObject({
        rule: 'housing-offer-not-accepted',
        status: 409,
        offerId,
      });

      const entries = await timeline(citizenId, 4);
      expect(entries.find((e) => e.type === 'HousingOfferLapsed')?.summary).toBe(
        'Housing offer lapsed: benefits processing time',
      );
    });

    it('refuses what the housing history forbids as problem+json, appending nothing', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/housing`;
      const stream = `housing-${citizenId}`;

      const cases: Array<[string, Record<string, unknown>, number, string]> = [
        [`offers/${UNKNOWN_ID}/accept`, {}, 404, 'housing-offer-not-found'],
        [`offers/${UNKNOWN_ID}/decline`, { reason: 'citizen-declined' }, 404, 'housing-offer-not-found'],
        [`offers/${UNKNOWN_ID}/lapse`, { reason: 'debt' }, 404, 'housing-offer-not-found'],
        ['move-in', {}, 409, 'no-lease-signed'],
        ['rent-arrears', { amountKr: 4850, monthsInArrears: 1 }, 409, 'no-current-tenancy'],
        ['eviction-notices', { bailiffDate: '2026-04-14' }, 409, 'no-current-tenancy'],
        ['eviction-averted', { avertedBy: 'arrears-paid' }, 409, 'no-current-tenancy'],
        ['eviction-executed', {}, 409, 'no-current-tenancy'],
        ['tenancy-ended', { reason: 'terminated-by-tenant' }, 409, 'no-current-tenancy'],
        ['offers', { ...offerBody, allocationRequestId: UNKNOWN_ID }, 404, 'allocation-request-not-found'],
        [
          'offers',
          { ...offerBody, leaseSigningDeadline: '2026-03-01' },
          422,
          'lease-signing-deadline-before-offer',
        ],
      ];
      for (const [path, body, status, rule] of cases) {
        const res = await post(`${base}/${path}`, body);
        expect({ path, status: res.statusCode }).toEqual({ path, status });
        expect(expectProblem(res)).toMatchObject({ status, rule, type: `/problems/${rule}` });
      }
      expect(await streamLength(stream)).toBe(0);

      const { offerId } = (await post(`${base}/offers`, offerBody)).json<{ offerId: string }>();
      const notAccepted = await post(`${base}/offers/${offerId}/lease`, {
        leaseType: 'permanent',
        leaseStartsOn: '2026-04-01',
      });
      expect(notAccepted.statusCode).toBe(409);
      expect(expectProblem(notAccepted).rule).toBe('housing-offer-not-accepted');

      expect((await post(`${base}/offers/${offerId}/accept`, {})).statusCode).toBe(201);
      const again = await post(`${base}/offers/${offerId}/accept`, {});
      expect(again.statusCode).toBe(409);
      expect(expectProblem(again)).toMatchObject({ rule: 'housing-offer-already-answered', status: 409 });

      expect((await post(`${base}/offers/${offerId}/decline`, { reason: 'too-expensive' })).statusCode).toBe(
        201,
      );
      const closed = await post(`${base}/offers/${offerId}/lapse`, { reason: 'other' });
      expect(closed.statusCode).toBe(409);
      expect(expectProblem(closed).rule).toBe('housing-offer-not-open');

      expect(await streamLength(stream)).toBe(3);
    });

    it('refuses invalid bodies, ids and unknown citizens before deciding', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/housing`;

      const reason = await post(`${base}/offers/${UNKNOWN_ID}/decline`, { reason: 'not-housing-ready' });
      expect(reason.statusCode).toBe(400);
      expect(expectProblem(reason).errors?.map((e) => e.pointer)).toEqual(['/reason']);

      const amounts = await post(`${base}/offers`, {
        ...offerBody,
        monthlyRentKr: -5,
        depositKr: 1.234,
        expectedMoveIn: '1/4/2026',
      });
      expect(amounts.statusCode).toBe(400);
      expect([...new Set((expectProblem(amounts).errors ?? []).map((e) => e.pointer))].sort()).toEqual([
        '/depositKr',
        '/expectedMoveIn',
        '/monthlyRentKr',
      ]);

      const badId = await post(`${base}/offers/not-a-uuid/accept`, {});
      expect(badId.statusCode).toBe(400);
      expect(expectProblem(badId).errors?.[0].pointer).toBe('#/path/offerId');

      const nobody = await post(`/citizens/${UNKNOWN_ID}/housing/offers`, offerBody);
      expect(nobody.statusCode).toBe(404);
      expect(expectProblem(nobody).type).toBe('/problems/citizen-not-found');
    });

    it('records an offer once under a repeated Idempotency-Key', async () => {
      const citizenId = await register();
      const headers = { 'idempotency-key': 'fsb-tilbud-2026-0042' };
      const first = await post(`/citizens/${citizenId}/housing/offers`, offerBody, headers);
      const second = await post(`/citizens/${citizenId}/housing/offers`, offerBody, headers);
      expect(first.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(await streamLength(`housing-${citizenId}`)).toBe(1);
    });
  });

  describe('Housing First principles', () => {
    it('principle 1: an offer conditional on sobriety, treatment or housing readiness is refused with 400, nothing appended', async () => {
      const citizenId = await register();
      const stream = `housing-${citizenId}`;
      const conditions: Array<Record<string, unknown>> = [
        { requiresSobriety: true },
        { housingReadiness: 'ready' },
        { requiresTreatment: true, housingReadiness: 'not-ready' },
      ];
      for (const condition of conditions) {
        const res = await post(`/citizens/${citizenId}/housing/offers`, { ...offerBody, ...condition });
        expect(res.statusCode).toBe(400);
        const problem = expectProblem(res);
        expect(problem.type).toBe('/problems/validation-failed');
        expect((problem.errors ?? []).map((e) => e.pointer).sort()).toEqual(
          Object.keys(condition)
            .map((k) => `/${k}`)
            .sort(),
        );
      }
      expect(await streamLength(stream)).toBe(0);

      const openapi = (await t.request({ method: 'GET', url: '/docs-json' })).json<{
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      }>();
      const offerFields = Object.keys(openapi.components.schemas.RecordHousingOfferDto.properties);
      expect(offerFields.filter((f) => /sobriety|treatment|readiness/i.test(f))).toEqual([]);
    });

    it('principle 4: after an executed eviction, a new housing offer is recorded', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/housing`;
      await housedCitizen(citizenId);
      expect(
        (
          await post(`${base}/eviction-notices`, {
            bailiffDate: '2026-02-24',
            occurredAt: '2026-01-20T10:00:00+01:00',
          })
        ).statusCode,
      ).toBe(201);
      const executed = await post(`${base}/eviction-executed`, { occurredAt: '2026-02-24T09:00:00+01:00' });
      expect(executed.statusCode).toBe(201);
      expect(executed.json()).toEqual({ recorded: ['EvictionExecuted'] });

      // the tenancy is over: eviction events now have nothing to refer to
      const afterwards = await post(`${base}/eviction-notices`, { bailiffDate: '2026-04-01' });
      expect(afterwards.statusCode).toBe(409);
      expect(expectProblem(afterwards).rule).toBe('no-current-tenancy');

      const newOffer = await post(`${base}/offers`, {
        ...offerBody,
        dwelling: '1-værelses skæv bolig, Sydhavnen',
        housingAssociation: 'Lejerbo',
        monthlyRentKr: 3900,
        depositKr: 0,
      });
      expect(newOffer.statusCode).toBe(201);
      expect(newOffer.json()).toMatchObject({ recorded: ['HousingOffered'], offerId: expect.any(String) });
    });
  });

  it('documents every route in the OpenAPI document', async () => {
    const paths = Object.keys(
      (await t.request({ method: 'GET', url: '/docs-json' })).json<{ paths: object }>().paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/citizens/{citizenId}/plan/assessments',
        '/citizens/{citizenId}/plan/assessments/{assessmentId}/complete',
        '/citizens/{citizenId}/plan/action-plans',
        '/citizens/{citizenId}/plan/action-plans/{actionPlanId}/decline',
        '/citizens/{citizenId}/plan/action-plans/{actionPlanId}/make',
        '/citizens/{citizenId}/plan/action-plans/{actionPlanId}/follow-ups',
        '/citizens/{citizenId}/plan/waiting-period-plans',
        '/citizens/{citizenId}/housing/waiting-lists',
        '/citizens/{citizenId}/housing/allocation-requests',
        '/citizens/{citizenId}/housing/offers',
        '/citizens/{citizenId}/housing/offers/{offerId}/accept',
        '/citizens/{citizenId}/housing/offers/{offerId}/decline',
        '/citizens/{citizenId}/housing/offers/{offerId}/lapse',
        '/citizens/{citizenId}/housing/offers/{offerId}/lease',
        '/citizens/{citizenId}/housing/move-in',
        '/citizens/{citizenId}/housing/rent-arrears',
        '/citizens/{citizenId}/housing/eviction-notices',
        '/citizens/{citizenId}/housing/eviction-averted',
        '/citizens/{citizenId}/housing/eviction-executed',
        '/citizens/{citizenId}/housing/tenancy-ended',
      ]),
    );
  });
});
