import { eventually, startTestApp, TestApp } from '../support/test-app';

const JSON_HEADERS = { 'content-type': 'application/json' };
const UNKNOWN_ID = '0195b3e1-0000-7000-8000-000000000000';
const OFFER_ID = '0195b2d0-4b1c-7e9f-8a2b-3c4d5e6f7a8b';

type TimelineEntry = { type: string; summary: string; occurredAt: string };

describe('benefits and employment over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url,
      headers: { ...JSON_HEADERS, ...headers },
      payload: JSON.stringify(body),
    });
  const register = async () => {
    const res = await post('/citizens', { alias: 'Fynboen', handlekommune: '101' });
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  };
  const timeline = async (citizenId: string, count: number) => {
    const res = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (r) => (r.json<{ entries?: unknown[] }>().entries?.length ?? 0) >= count,
    );
    expect(res.statusCode).toBe(200);
    return res.json<{ entries: TimelineEntry[] }>().entries;
  };
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  const expectProblem = (
    res: Awaited<ReturnType<typeof post>>,
    status: number,
    rule: string,
  ): Record<string, unknown> => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<Record<string, unknown>>();
    expect(problem).toMatchObject({ status, rule, type: `/problems/${rule}` });
    return problem;
  };

  describe('benefits', () => {
    const base = (citizenId: string) => `/citizens/${citizenId}/benefits`;
    const application = {
      kind: 'moving-expenses',
      amountKr: 14550,
      decidingMunicipality: '751',
      linkedOfferId: OFFER_ID,
      leaseSigningDeadline: '2026-10-09',
      occurredAt: '2026-10-01T09:00:00+02:00',
    };
    const submit = async (citizenId: string, body: Record<string, unknown> = application) => {
      const res = await post(`${base(citizenId)}/deposit-applications`, body);
      expect(res.statusCode).toBe(201);
      return res.json<{ applicationId: string; recorded: string[] }>();
    };

    it('records an application, fast-track, documentation, a partial grant and economy administration, and shows them on the timeline', async () => {
      const citizenId = await register();
      const submitted = await submit(citizenId);
      expect(submitted.recorded).toEqual(['DepositApplicationSubmitted']);
      const app = `${base(citizenId)}/deposit-applications/${submitted.applicationId}`;

      const fastTracked = await post(`${app}/fast-track`, {
        reason: 'housing-offer-lease-deadline',
        occurredAt: '2026-10-01T09:20:00+02:00',
      });
      expect(fastTracked.statusCode).toBe(201);
      expect(fastTracked.json()).toEqual({ recorded: ['DepositApplicationFastTracked'] });

      const requested = await post(`${app}/documentation-requests`, {
        what: 'lease-contract',
        dueDate: '2026-10-02',
        occurredAt: '2026-10-01T09:30:00+02:00',
      });
      expect(requested.statusCode).toBe(201);
      const { requestId } = requested.json<{ requestId: string }>();
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

      const received = await post(`${app}/documentation-requests/${requestId}/received`, {
        occurredAt: '2026-10-01T14:00:00+02:00',
      });
      expect(received.statusCode).toBe(201);
      expect(received.json()).toEqual({ recorded: ['DocumentationReceived'] });

      const decided = await post(`${app}/decision`, {
        outcome: 'partially-granted',
        grantedAmountKr: 9700,
        reasonCode: 'amount-above-reasonable-level',
        occurredAt: '2026-10-01T16:00:00+02:00',
      });
      expect(decided.statusCode).toBe(201);
      expect(decided.json()).toEqual({ recorded: ['DepositApplicationDecided'] });

      const agreed = await post(`${base(citizenId)}/economy-administrations`, {
        scope: ['rent', 'utilities'],
        reviewDate: '2027-04-01',
        occurredAt: '2026-10-02T10:00:00+02:00',
      });
      expect(agreed.statusCode).toBe(201);
      const { agreementId } = agreed.json<{ agreementId: string }>();
      const ended = await post(`${base(citizenId)}/economy-administrations/${agreementId}/end`, {
        reason: 'citizen-withdrew',
        occurredAt: '2026-10-20T10:00:00+02:00',
      });
      expect(ended.statusCode).toBe(201);

      const entries = await timeline(citizenId, 8);
      expect(entries.map((e) => e.type)).toEqual([
        'DepositApplicationSubmitted',
        'DepositApplicationFastTracked',
        'DocumentationRequested',
        'DocumentationReceived',
        'DepositApplicationDecided',
        'EconomyAdministrationAgreed',
        'EconomyAdministrationEnded',
        'CitizenRegistered',
      ]);
      expect(entries[0].summary).toBe(
        'Deposit application submitted: moving expenses (aktivloven §85 stk. 1 og 2), 14,550 kr; decided by Aarhus (751); linked to a housing offer; lease-signing deadline 2026-10-09',
      );
      expect(entries[4].summary).toBe(
        'Deposit application (moving expenses, aktivloven §85 stk. 1 og 2) partially granted: 9,700 kr of 14,550 kr; reason: amount above reasonable level; fast-tracked',
      );
      expect(JSON.stringify(entries)).not.toContain('Fynboen');

      const { rows } = await t.db.pool.query(
        `SELECT type, data->>'legalBasis' AS "legalBasis" FROM events WHERE stream_id = $1 ORDER BY global_position`,
        [`benefits-${citizenId}`],
      );
      expect(rows.slice(0, 1)).toEqual([
        { type: 'DepositApplicationSubmitted', legalBasis: 'aktivloven §85 stk. 1 og 2' },
      ]);
      expect(rows.find((r) => r.type === 'DepositApplicationDecided')?.legalBasis).toBe(
        'aktivloven §85 stk. 1 og 2',
      );
    });

    it('refuses a beboerindskudslån for housing that is not social housing with 422, appending nothing', async () => {
      const citizenId = await register();
      const before = await eventCount();
      const res = await post(`${base(citizenId)}/deposit-applications`, {
        ...application,
        kind: 'beboerindskudslan',
      });
      expectProblem(res, 422, 'beboerindskudslan-requires-social-housing');
      expect(await eventCount()).toBe(before);

      const social = await post(`${base(citizenId)}/deposit-applications`, {
        ...application,
        kind: 'beboerindskudslan',
        socialHousing: true,
      });
      expect(social.statusCode).toBe(201);
    });

    it('answers 404 for a decision, fast-track or documentation on an unknown application or request', async () => {
      const citizenId = await register();
      const unknownApp = `${base(citizenId)}/deposit-applications/${UNKNOWN_ID}`;
      expectProblem(
        await post(`${unknownApp}/decision`, { outcome: 'granted' }),
        404,
        'deposit-application-not-found',
      );
      expectProblem(
        await post(`${unknownApp}/fast-track`, { reason: 'other' }),
        404,
        'deposit-application-not-found',
      );
      const { applicationId } = await submit(citizenId);
      const received = await post(
        `${base(citizenId)}/deposit-applications/${applicationId}/documentation-requests/${UNKNOWN_ID}/received`,
        {},
      );
      const problem = expectProblem(received, 404, 'documentation-request-not-found');
      expect(problem).toMatchObject({ applicationId, documentationRequestId: UNKNOWN_ID });
    });

    it('refuses a second decision and a second fast-track with 409, and an amount above the applied one with 422', async () => {
      const citizenId = await register();
      const { applicationId } = await submit(citizenId);
      const app = `${base(citizenId)}/deposit-applications/${applicationId}`;

      expect((await post(`${app}/fast-track`, { reason: 'housing-offer-lease-deadline' })).statusCode).toBe(
        201,
      );
      expectProblem(
        await post(`${app}/fast-track`, { reason: 'shelter-discharge' }),
        409,
        'deposit-application-already-fast-tracked',
      );

      const tooMuch = expectProblem(
        await post(`${app}/decision`, { outcome: 'granted', grantedAmountKr: 20000 }),
        422,
        'granted-amount-exceeds-applied',
      );
      expect(tooMuch).toMatchObject({ appliedAmountKr: 14550, grantedAmountKr: 20000 });
      expectProblem(await post(`${app}/decision`, { outcome: 'refused' }), 422, 'decision-reason-required');

      expect((await post(`${app}/decision`, { outcome: 'granted' })).statusCode).toBe(201);
      expectProblem(
        await post(`${app}/decision`, { outcome: 'refused', reasonCode: 'other' }),
        409,
        'deposit-application-already-decided',
      );
      expectProblem(
        await post(`${app}/fast-track`, { reason: 'other' }),
        409,
        'deposit-application-already-decided',
      );
    });

    it('validates the body: unknown kinds, municipalities and fields are 400 naming each field', async () => {
      const citizenId = await register();
      const res = await post(`${base(citizenId)}/deposit-applications`, {
        kind: 'cash',
        amountKr: -5,
        decidingMunicipality: '999',
        note: 'x',
      });
      expect(res.statusCode).toBe(400);
      const pointers = res
        .json<{ errors: { pointer: string }[] }>()
        .errors.map((e) => e.pointer)
        .sort();
      expect([...new Set(pointers)]).toEqual(['/amountKr', '/decidingMunicipality', '/kind', '/note']);
    });
  });

  describe('employment', () => {
    const base = (citizenId: string) => `/citizens/${citizenId}/employment`;
    const warning = {
      ground: 'missed-meeting',
      hearingDeadline: '2026-10-16',
      occurredAt: '2026-10-06T09:00:00+02:00',
    };
    const setActivityReady = async (citizenId: string) => {
      const res = await post(`${base(citizenId)}/readiness-category`, {
        category: 'activity-ready',
        occurredAt: '2026-09-01T09:00:00+02:00',
      });
      expect(res.statusCode).toBe(201);
    };
    const issue = async (citizenId: string) => {
      const res = await post(`${base(citizenId)}/sanction-warnings`, warning);
      expect(res.statusCode).toBe(201);
      return res.json<{ warningId: string; recorded: string[] }>();
    };

    it('records caseworker, missed meeting, risk, warning, contact attempt and sanction, and shows them on the timeline', async () => {
      const citizenId = await register();
      await setActivityReady(citizenId);
      const assigned = await post(`${base(citizenId)}/caseworker-assignments`, {
        caseworkerId: 'jc-4711',
        unitId: 'jobcentre-koebenhavn-nord',
        occurredAt: '2026-09-02T09:00:00+02:00',
      });
      expect(assigned.statusCode).toBe(201);
      expect(assigned.json()).toEqual({ recorded: ['JobcentreCaseworkerAssigned'] });

      const missed = await post(`${base(citizenId)}/missed-meetings`, {
        meetingDate: '2026-10-05',
        occurredAt: '2026-10-05T11:00:00+02:00',
      });
      expect(missed.statusCode).toBe(201);
      const risk = await post(`${base(citizenId)}/sanction-risks`, {
        reason: 'missed-meeting',
        occurredAt: '2026-10-05T11:05:00+02:00',
      });
      expect(risk.statusCode).toBe(201);

      const issued = await issue(citizenId);
      expect(issued.recorded).toEqual(['SanctionWarningIssued']);
      const w = `${base(citizenId)}/sanction-warnings/${issued.warningId}`;

      const attempt = await post(`${w}/contact-attempts`, {
        channel: 'via-support-worker',
        outcome: 'not-reached',
        occurredAt: '2026-10-07T10:00:00+02:00',
      });
      expect(attempt.statusCode).toBe(201);
      expect(attempt.json()).toEqual({ recorded: ['PersonalContactAttempted'] });

      const imposed = await post(`${w}/sanction`, {
        amountKr: 1038.5,
        occurredAt: '2026-10-19T10:00:00+02:00',
      });
      expect(imposed.statusCode).toBe(201);
      expect(imposed.json()).toEqual({ recorded: ['SanctionImposed'] });

      const withdrawn = await post(`${w}/withdraw`, {
        reason: 'complaint-upheld',
        occurredAt: '2026-10-28T10:00:00+01:00',
      });
      expect(withdrawn.statusCode).toBe(201);

      const exempt = await post(`${base(citizenId)}/exemptions`, {
        until: '2026-12-31',
        reason: 'housing-situation',
        occurredAt: '2026-10-29T10:00:00+01:00',
      });
      expect(exempt.statusCode).toBe(201);

      const entries = await timeline(citizenId, 10);
      expect(entries.map((e) => e.type)).toEqual([
        'ReadinessCategoryChanged',
        'JobcentreCaseworkerAssigned',
        'MeetingMissed',
        'SanctionRiskFlagged',
        'SanctionWarningIssued',
        'PersonalContactAttempted',
        'SanctionImposed',
        'SanctionWithdrawn',
        'ExemptionGranted',
        'CitizenRegistered',
      ]);
      const summaries = entries.map((e) => e.summary);
      expect(summaries[4]).toBe(
        'Sanction warning issued (partshøring) for missed meeting; activity-ready; hearing deadline 2026-10-16; extended hearing: personal contact attempt required',
      );
      expect(summaries[5]).toBe('Personal contact attempt 1 via the support worker: not reached');
      expect(summaries[6]).toBe('Sanction imposed: 1,038.50 kr (activity-ready; 1 contact attempt)');
      expect(summaries[7]).toBe('Sanction withdrawn: complaint upheld');

      const { rows } = await t.db.pool.query(
        `SELECT type, metadata->>'legalBasis' AS "legalBasis" FROM events
          WHERE stream_id = $1 AND type IN ('SanctionWarningIssued', 'SanctionImposed') ORDER BY global_position`,
        [`employment-${citizenId}`],
      );
      expect(rows).toEqual([
        { type: 'SanctionWarningIssued', legalBasis: 'forvaltningsloven §19' },
        { type: 'SanctionImposed', legalBasis: 'aktivloven §§36-40 a' },
      ]);
    });

    it('refuses a sanction on an activity-ready citizen without a documented contact attempt (extended hearing), 422 naming the rule', async () => {
      const citizenId = await register();
      await setActivityReady(citizenId);
      const { warningId } = await issue(citizenId);
      const before = await eventCount();
      const problem = expectProblem(
        await post(`${base(citizenId)}/sanction-warnings/${warningId}/sanction`, { amountKr: 1038.5 }),
        422,
        'extended-hearing-contact-attempt-required',
      );
      expect(problem).toMatchObject({ warningId, readiness: 'activity-ready', contactAttempts: 0 });
      expect(await eventCount()).toBe(before);
    });

    it('answers 404 for a contact attempt, sanction or withdrawal on an unknown warning', async () => {
      const citizenId = await register();
      const unknown = `${base(citizenId)}/sanction-warnings/${UNKNOWN_ID}`;
      expectProblem(
        await post(`${unknown}/contact-attempts`, { channel: 'phone', outcome: 'reached' }),
        404,
        'sanction-warning-not-found',
      );
      expectProblem(await post(`${unknown}/sanction`, { amountKr: 500 }), 404, 'sanction-warning-not-found');
      expectProblem(
        await post(`${unknown}/withdraw`, { reason: 'other' }),
        404,
        'sanction-warning-not-found',
      );
    });

    it('withdraws at most once and imposes nothing on a withdrawn warning (409)', async () => {
      const citizenId = await register();
      await setActivityReady(citizenId);
      const { warningId } = await issue(citizenId);
      const w = `${base(citizenId)}/sanction-warnings/${warningId}`;
      expect(
        (await post(`${w}/contact-attempts`, { channel: 'via-shelter', outcome: 'reached' })).statusCode,
      ).toBe(201);
      expect((await post(`${w}/withdraw`, { reason: 'reasonable-cause' })).statusCode).toBe(201);
      expectProblem(
        await post(`${w}/withdraw`, { reason: 'reasonable-cause' }),
        409,
        'sanction-already-withdrawn',
      );
      expectProblem(await post(`${w}/sanction`, { amountKr: 1038.5 }), 409, 'sanction-warning-withdrawn');
      const notOpen = expectProblem(
        await post(`${w}/contact-attempts`, { channel: 'phone', outcome: 'reached' }),
        409,
        'sanction-warning-not-open',
      );
      expect(notOpen.warningStatus).toBe('withdrawn');
    });

    it('refuses a warning while the citizen is exempt, and a warning without a known category', async () => {
      const citizenId = await register();
      expectProblem(
        await post(`${base(citizenId)}/sanction-warnings`, warning),
        422,
        'readiness-category-unknown',
      );
      await setActivityReady(citizenId);
      expect(
        (
          await post(`${base(citizenId)}/exemptions`, {
            until: '2026-10-31',
            reason: 'treatment-or-admission',
            occurredAt: '2026-10-01T09:00:00+02:00',
          })
        ).statusCode,
      ).toBe(201);
      expectProblem(await post(`${base(citizenId)}/sanction-warnings`, warning), 422, 'citizen-exempt');
    });

    it('validates ids and enums as 400 problems', async () => {
      const citizenId = await register();
      const badId = await post(`${base(citizenId)}/sanction-warnings/not-a-uuid/sanction`, { amountKr: 1 });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().errors[0].pointer).toBe('#/path/warningId');

      const badChannel = await post(`${base(citizenId)}/sanction-warnings/${UNKNOWN_ID}/contact-attempts`, {
        channel: 'carrier-pigeon',
        outcome: 'reached',
      });
      expect(badChannel.statusCode).toBe(400);
      expect(badChannel.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/channel']);

      const badCaseworker = await post(`${base(citizenId)}/caseworker-assignments`, {
        caseworkerId: 'Hanne Sagsbehandler',
        unitId: 'jobcentre-koebenhavn-nord',
      });
      expect(badCaseworker.statusCode).toBe(400);
      expect(badCaseworker.body).not.toContain('Hanne');
    });

    it('answers 404 citizen-not-found for an unknown citizen', async () => {
      const res = await post(`/citizens/${UNKNOWN_ID}/employment/sanction-warnings`, warning);
      expect(res.statusCode).toBe(404);
      expect(res.json().type).toBe('/problems/citizen-not-found');
    });
  });

  it('publishes every route in the OpenAPI document', async () => {
    const openapi = await t.request({ method: 'GET', url: '/docs-json' });
    const paths = Object.keys(openapi.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/citizens/{citizenId}/benefits/deposit-applications',
        '/citizens/{citizenId}/benefits/deposit-applications/{applicationId}/documentation-requests',
        '/citizens/{citizenId}/benefits/deposit-applications/{applicationId}/documentation-requests/{requestId}/received',
        '/citizens/{citizenId}/benefits/deposit-applications/{applicationId}/fast-track',
        '/citizens/{citizenId}/benefits/deposit-applications/{applicationId}/decision',
        '/citizens/{citizenId}/benefits/economy-administrations',
        '/citizens/{citizenId}/benefits/economy-administrations/{agreementId}/end',
        '/citizens/{citizenId}/employment/caseworker-assignments',
        '/citizens/{citizenId}/employment/missed-meetings',
        '/citizens/{citizenId}/employment/sanction-risks',
        '/citizens/{citizenId}/employment/sanction-warnings',
        '/citizens/{citizenId}/employment/sanction-warnings/{warningId}/contact-attempts',
        '/citizens/{citizenId}/employment/sanction-warnings/{warningId}/sanction',
        '/citizens/{citizenId}/employment/sanction-warnings/{warningId}/withdraw',
        '/citizens/{citizenId}/employment/exemptions',
        '/citizens/{citizenId}/employment/readiness-category',
      ]),
    );
  });
});
