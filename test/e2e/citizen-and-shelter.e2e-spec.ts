import { eventually, startTestApp, TestApp } from '../support/test-app';

const JSON_HEADERS = { 'content-type': 'application/json' };

const admission = {
  shelterId: 'shelter-kollegiet-sct-nicolai',
  shelterName: 'Kollegiet Sct. Nicolai',
  municipalityOfStay: '101',
  referral: 'referred',
};

const supportWorker = {
  role: 'support-worker',
  staffId: 'kk-sof-az48213',
  unitId: 'kk-cti-team-nordvest',
  channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
};

const consent = {
  purpose: 'housing-first-coordination',
  recipientUnitIds: ['shelter-kollegiet-sct-nicolai'],
  recipientUnitTypes: ['jobcentre', 'benefits'],
  categories: ['employment', 'shelter', 'support'],
  legalTextRef: 'kk-samtykke-housing-first-2025-v2',
  givenVia: 'written',
};

const allConditions = {
  actionPlan: true,
  homeOrPlace: true,
  supportDecided: true,
  leaseSigned: true,
  moveInPossible: true,
};

type Entry = { type: string; summary: string };

describe('citizen and §110 shelter-stay processes over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, headers: JSON_HEADERS, payload: JSON.stringify(body) });
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );
  const register = async (handlekommune = '101') => {
    const res = await post('/citizens', { alias: 'Bamse', handlekommune });
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  };
  const timeline = async (citizenId: string, count: number) => {
    const res = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (r) => r.json<{ entries: Entry[] }>().entries?.length === count,
    );
    expect(res.statusCode).toBe(200);
    const entries = res.json<{ entries: Entry[] }>().entries;
    expect(entries).toHaveLength(count);
    return entries;
  };
  /** a refusal is problem+json naming the rule, and appends nothing */
  const expectRefused = async (
    request: Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => unknown }>,
    status: number,
    rule: string,
  ) => {
    const before = await eventCount();
    const res = await request;
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, rule, type: `/problems/${rule}` });
    expect(await eventCount()).toBe(before);
    return res.json() as Record<string, unknown>;
  };

  describe('citizen', () => {
    it('records handlekommune, situation, contacts, consent, preferences and death, and shows them', async () => {
      const citizenId = await register('101');
      const base = `/citizens/${citizenId}`;

      const changed = await post(`${base}/handlekommune`, {
        to: '147',
        reason: 'moved',
        occurredAt: '2026-02-01T09:00:00+01:00',
      });
      expect(changed.statusCode).toBe(201);
      expect(changed.json()).toEqual({ recorded: ['HandlekommuneChanged'] });

      const situation = await post(`${base}/homelessness-situations`, { situation: 'family-friends' });
      expect(situation.json()).toEqual({ recorded: ['HomelessnessSituationRecorded'] });

      const assigned = await post(`${base}/contacts`, supportWorker);
      expect(assigned.statusCode).toBe(201);
      expect(assigned.json()).toEqual({ recorded: ['ContactAssigned'] });
      const mentor = await post(`${base}/contacts`, {
        role: 'mentor',
        staffId: 'kk-mentor-117',
        unitId: 'kk-mentorkorps',
        channel: { kind: 'work-email', value: 'mentorkorps@kk.dk' },
      });
      expect(mentor.statusCode).toBe(201);
      const unassigned = await post(`${base}/contacts/mentor/unassign`);
      expect(unassigned.statusCode).toBe(201);
      expect(unassigned.json()).toEqual({ recorded: ['ContactUnassigned'] });

      const given = await post(`${base}/consents`, { ...consent, expiresAt: '2027-03-01T23:59:59+01:00' });
      expect(given.statusCode).toBe(201);
      const { consentId, recorded } = given.json<{ consentId: string; recorded: string[] }>();
      expect(recorded).toEqual(['ConsentGiven']);
      expect(consentId).toMatch(/^[0-9a-f-]{36}$/);
      expect(given.headers.location).toBe(`${base}/consents/${consentId}`);

      const withdrawn = await post(`${base}/consents/${consentId}/withdraw`, { withdrawnVia: 'oral' });
      expect(withdrawn.statusCode).toBe(201);
      expect(withdrawn.json()).toEqual({ recorded: ['ConsentWithdrawn'] });

      const preferences = await post(`${base}/preferences`, {
        preferredMunicipality: '147',
        housingType: 'alternative-housing',
      });
      expect(preferences.json()).toEqual({ recorded: ['PreferencesRecorded'] });

      const died = await post(`${base}/death`);
      expect(died.json()).toEqual({ recorded: ['CitizenDied'] });

      const entries = await timeline(citizenId, 10);
      const byType = Object.fromEntries(entries.map((e) => [e.type, e.summary]));
      expect(byType.HandlekommuneChanged).toBe(
        'Handlekommune changed from København (101) to Frederiksberg (147) (the citizen moved)',
      );
      expect(byType.HomelessnessSituationRecorded).toBe(
        'Homelessness situation: staying with family or friends',
      );
      expect(byType.ConsentGiven).toContain('housing-first-coordination');
      expect(byType.CitizenDied).toBe('Citizen died');
      expect(entries.filter((e) => e.type === 'ContactAssigned').map((e) => e.summary)).toEqual([
        'Support worker assigned (unit kk-cti-team-nordvest)',
        'Mentor assigned (unit kk-mentorkorps)',
      ]);
      // Staff ids and channels are on the contact card, never in the broadly shown timeline.
      expect(JSON.stringify(entries)).not.toContain('kk-sof-az48213');
      expect(JSON.stringify(entries)).not.toContain('33 17 33 17');

      const metadata = await t.db.pool.query(
        `SELECT type, metadata->>'legalBasis' AS basis FROM events WHERE stream_id = $1 AND type LIKE 'Consent%'`,
        [`citizen-${citizenId}`],
      );
      expect(metadata.rows).toEqual([
        { type: 'ConsentGiven', basis: 'forvaltningsloven §28' },
        { type: 'ConsentWithdrawn', basis: 'forvaltningsloven §28' },
      ]);
    });

    it('refuses every further citizen command after the death with 409 citizen-deceased', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}`;
      expect((await post(`${base}/death`)).statusCode).toBe(201);

      const problem = await expectRefused(
        post(`${base}/handlekommune`, { to: '147', reason: 'moved' }),
        409,
        'citizen-deceased',
      );
      expect(problem.diedAt).toEqual(expect.any(String));
      await expectRefused(post(`${base}/contacts`, supportWorker), 409, 'citizen-deceased');
      await expectRefused(post(`${base}/consents`, consent), 409, 'citizen-deceased');
      await expectRefused(post(`${base}/death`), 409, 'citizen-deceased');
    });

    it('refuses a change to the current handlekommune', async () => {
      const citizenId = await register('751');
      const problem = await expectRefused(
        post(`/citizens/${citizenId}/handlekommune`, { to: '751', reason: 'correction' }),
        409,
        'handlekommune-unchanged',
      );
      expect(problem.handlekommune).toBe('751');
    });

    it('allows one contact per role and unassigns only an assigned one', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}`;
      expect((await post(`${base}/contacts`, supportWorker)).statusCode).toBe(201);

      const taken = await expectRefused(
        post(`${base}/contacts`, { ...supportWorker, staffId: 'kk-sof-cd99887', channel: undefined }),
        409,
        'contact-role-already-assigned',
      );
      expect(taken).toMatchObject({ role: 'support-worker', staffId: 'kk-sof-az48213' });

      await expectRefused(
        post(`${base}/contacts/jobcentre-caseworker/unassign`),
        409,
        'contact-not-assigned',
      );

      const badRole = await post(`${base}/contacts/caseworker/unassign`);
      expect(badRole.statusCode).toBe(400);
      expect(badRole.json().errors[0].pointer).toBe('#/path/role');

      // Handover: unassign, then assign the successor.
      expect((await post(`${base}/contacts/support-worker/unassign`)).statusCode).toBe(201);
      expect(
        (await post(`${base}/contacts`, { ...supportWorker, staffId: 'kk-sof-cd99887' })).statusCode,
      ).toBe(201);
    });

    it('validates the contact channel by its kind without echoing it', async () => {
      const citizenId = await register();
      const res = await post(`/citizens/${citizenId}/contacts`, {
        ...supportWorker,
        channel: { kind: 'work-phone', value: 'ring til Hanne' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ pointer: '/channel/value', detail: expect.any(String) }]);
      expect(res.body).not.toContain('Hanne');
    });

    it('refuses a consent without recipients, and withdrawals of unknown or withdrawn consents', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}`;
      await expectRefused(
        post(`${base}/consents`, { ...consent, recipientUnitIds: [], recipientUnitTypes: [] }),
        422,
        'consent-without-recipients',
      );
      await expectRefused(
        post(`${base}/consents`, { ...consent, expiresAt: '2020-01-01T00:00:00Z' }),
        422,
        'consent-expires-before-given',
      );
      await expectRefused(
        post(`${base}/consents/0193a4c2-5d1e-7f20-8a3b-4c5d6e7f8a9b/withdraw`, { withdrawnVia: 'written' }),
        404,
        'consent-not-found',
      );

      const { consentId } = (await post(`${base}/consents`, consent)).json<{ consentId: string }>();
      expect(
        (await post(`${base}/consents/${consentId}/withdraw`, { withdrawnVia: 'digital' })).statusCode,
      ).toBe(201);
      await expectRefused(
        post(`${base}/consents/${consentId}/withdraw`, { withdrawnVia: 'digital' }),
        409,
        'consent-already-withdrawn',
      );
    });

    it('refuses empty preferences and an unknown situation', async () => {
      const citizenId = await register();
      await expectRefused(post(`/citizens/${citizenId}/preferences`, {}), 422, 'preferences-empty');
      const bad = await post(`/citizens/${citizenId}/homelessness-situations`, { situation: 'tent' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].pointer).toBe('/situation');
    });

    it('answers 404 for an unknown citizen', async () => {
      const res = await post('/citizens/0193a4c2-0000-7000-8000-0000000000aa/homelessness-situations', {
        situation: 'street',
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().type).toBe('/problems/citizen-not-found');
    });
  });

  describe('§110 shelter stay', () => {
    const admit = async (citizenId: string, body: Record<string, unknown> = {}) => {
      const res = await post(`/citizens/${citizenId}/shelter-stays`, { ...admission, ...body });
      expect(res.statusCode).toBe(201);
      return res.json<{ stayId: string }>().stayId;
    };

    it('notifies, plans, decides the discharge (§110 stk. 5), discharges and runs aftercare', async () => {
      const citizenId = await register('147');
      const stayId = await admit(citizenId, { homeSituation: 'home-cannot-be-used' });
      const stay = `/citizens/${citizenId}/shelter-stays/${stayId}`;

      const notified = await post(`${stay}/handlekommune-notified`, { channel: 'secure-email' });
      expect(notified.statusCode).toBe(201);
      expect(notified.json()).toEqual({ recorded: ['HandlekommuneNotified'] });
      expect((await post(`${stay}/stay-plan`)).json()).toEqual({ recorded: ['StayPlanMade'] });

      const refused = await expectRefused(
        post(`${stay}/municipal-discharge-decision`, {
          conditions: { ...allConditions, leaseSigned: false, moveInPossible: false },
        }),
        422,
        'section-110-discharge-conditions-not-met',
      );
      expect(refused.missing).toEqual(['leaseSigned', 'moveInPossible']);

      const decided = await post(`${stay}/municipal-discharge-decision`, { conditions: allConditions });
      expect(decided.statusCode).toBe(201);
      expect(decided.json()).toEqual({ recorded: ['MunicipalDischargeDecided'] });
      await expectRefused(
        post(`${stay}/municipal-discharge-decision`, { conditions: allConditions }),
        409,
        'municipal-discharge-already-decided',
      );

      expect((await post(`${stay}/discharge`, { destination: 'own-home', planned: true })).statusCode).toBe(
        201,
      );
      expect((await post(`${stay}/aftercare`)).json()).toEqual({ recorded: ['AftercareStarted'] });
      expect((await post(`${stay}/aftercare/end`, { reason: 'completed' })).json()).toEqual({
        recorded: ['AftercareEnded'],
      });

      const entries = await timeline(citizenId, 8);
      const byType = Object.fromEntries(entries.map((e) => [e.type, e.summary]));
      expect(byType.ShelterAdmissionRecorded).toBe(
        'Admitted to §110 shelter Kollegiet Sct. Nicolai (stay municipality København), referred; ' +
          'handlekommune Frederiksberg (147); has a home but cannot use it',
      );
      expect(byType.HandlekommuneNotified).toBe(
        'Handlekommune Frederiksberg (147) notified of the §110 stay (secure email)',
      );
      expect(byType.MunicipalDischargeDecided).toBe(
        'Discharge from the §110 stay decided by Frederiksberg (147) (§110 stk. 5: all conditions met)',
      );
      expect(byType.AftercareEnded).toBe('Aftercare (efterforsorg) ended (completed)');

      const bases = await t.db.pool.query(
        `SELECT type, metadata->>'legalBasis' AS basis FROM events
          WHERE stream_id = $1 AND type IN ('HandlekommuneNotified', 'MunicipalDischargeDecided') ORDER BY type`,
        [`shelter-stays-${citizenId}`],
      );
      expect(bases.rows).toEqual([
        { type: 'HandlekommuneNotified', basis: 'serviceloven §110 stk. 6' },
        { type: 'MunicipalDischargeDecided', basis: 'serviceloven §110 stk. 5' },
      ]);
    });

    it('lists all five missing conditions, and refuses a decision without them as invalid', async () => {
      const citizenId = await register();
      const stayId = await admit(citizenId);
      const url = `/citizens/${citizenId}/shelter-stays/${stayId}/municipal-discharge-decision`;
      const none = await expectRefused(
        post(url, {
          conditions: {
            actionPlan: false,
            homeOrPlace: false,
            supportDecided: false,
            leaseSigned: false,
            moveInPossible: false,
          },
        }),
        422,
        'section-110-discharge-conditions-not-met',
      );
      expect(none.missing).toEqual([
        'actionPlan',
        'homeOrPlace',
        'supportDecided',
        'leaseSigned',
        'moveInPossible',
      ]);

      const incomplete = await post(url, { conditions: { actionPlan: true } });
      expect(incomplete.statusCode).toBe(400);
      expect(
        incomplete
          .json()
          .errors.map((e: { pointer: string }) => e.pointer)
          .sort(),
      ).toEqual([
        '/conditions/homeOrPlace',
        '/conditions/leaseSigned',
        '/conditions/moveInPossible',
        '/conditions/supportDecided',
      ]);
      expect((await post(url, {})).statusCode).toBe(400);
    });

    it('refuses notice, plan and aftercare out of order', async () => {
      const citizenId = await register();
      const stayId = await admit(citizenId);
      const stay = `/citizens/${citizenId}/shelter-stays/${stayId}`;

      await expectRefused(
        post(
          `/citizens/${citizenId}/shelter-stays/0193a4c2-8a2b-7c3d-8e4f-5a6b7c8d9e0f/handlekommune-notified`,
          {
            channel: 'phone',
          },
        ),
        404,
        'shelter-stay-not-found',
      );
      expect((await post(`${stay}/handlekommune-notified`, { channel: 'phone' })).statusCode).toBe(201);
      await expectRefused(
        post(`${stay}/handlekommune-notified`, { channel: 'letter' }),
        409,
        'handlekommune-already-notified',
      );
      await expectRefused(post(`${stay}/aftercare`), 409, 'shelter-stay-not-discharged');
      await expectRefused(
        post(`${stay}/aftercare/end`, { reason: 'completed' }),
        409,
        'aftercare-not-started',
      );

      expect((await post(`${stay}/discharge`, { destination: 'street', planned: false })).statusCode).toBe(
        201,
      );
      await expectRefused(post(`${stay}/stay-plan`), 409, 'shelter-stay-already-discharged');
      await expectRefused(
        post(`${stay}/municipal-discharge-decision`, { conditions: allConditions }),
        409,
        'shelter-stay-already-discharged',
      );
      expect((await post(`${stay}/aftercare`)).statusCode).toBe(201);
      await expectRefused(post(`${stay}/aftercare`), 409, 'aftercare-already-started');
    });

    it('accepts homeSituation on admission and refuses the retired flag', async () => {
      const citizenId = await register();
      const res = await post(`/citizens/${citizenId}/shelter-stays`, {
        ...admission,
        hasHomeButCannotUseIt: true,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ pointer: '/hasHomeButCannotUseIt', detail: 'unknown field' }]);
      const bad = await post(`/citizens/${citizenId}/shelter-stays`, {
        ...admission,
        homeSituation: 'maybe',
      });
      expect(bad.statusCode).toBe(400);
    });
  });

  it('documents every new route in OpenAPI', async () => {
    const paths = Object.keys((await t.request({ method: 'GET', url: '/docs-json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/citizens/{citizenId}/handlekommune',
        '/citizens/{citizenId}/homelessness-situations',
        '/citizens/{citizenId}/contacts',
        '/citizens/{citizenId}/contacts/{role}/unassign',
        '/citizens/{citizenId}/consents',
        '/citizens/{citizenId}/consents/{consentId}/withdraw',
        '/citizens/{citizenId}/preferences',
        '/citizens/{citizenId}/death',
        '/citizens/{citizenId}/shelter-stays/{stayId}/handlekommune-notified',
        '/citizens/{citizenId}/shelter-stays/{stayId}/stay-plan',
        '/citizens/{citizenId}/shelter-stays/{stayId}/municipal-discharge-decision',
        '/citizens/{citizenId}/shelter-stays/{stayId}/aftercare',
        '/citizens/{citizenId}/shelter-stays/{stayId}/aftercare/end',
      ]),
    );
  });
});
