import type { LightMyRequestResponse } from 'fastify';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 in Copenhagen: every occurredAt below lies before it. */
const NOW = new Date('2026-03-02T10:00:00Z');
const JSON_HEADERS = { 'content-type': 'application/json' };
const UNKNOWN_ID = '0193a4c2-0000-7000-8000-0000000000ff';

describe('support (§85/§85a) and institution transitions over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
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
    const res = await post('/citizens', { alias: 'Støtte', handlekommune: '101' });
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  };
  const expectProblem = (res: LightMyRequestResponse, status: number, rule: string) => {
    expect({ status: res.statusCode, body: res.json() }).toMatchObject({
      status,
      body: { status, rule, type: `/problems/${rule}` },
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
  };
  const streamTypes = async (streamId: string) =>
    (
      await t.db.pool.query<{ type: string }>(
        'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [streamId],
      )
    ).rows.map((r) => r.type);
  // Alert events are appended by the worker on its own schedule; what a request writes is everything else.
  const eventCount = async () =>
    Number(
      (await t.db.pool.query("SELECT count(*) FROM events WHERE stream_id NOT LIKE 'alert-%'")).rows[0].count,
    );

  const course = (citizenId: string, supportId: string) =>
    `/citizens/${citizenId}/support/courses/${supportId}`;
  const decide = async (citizenId: string, body: Record<string, unknown>) => {
    const res = await post(`/citizens/${citizenId}/support/courses`, body);
    expect(res.statusCode).toBe(201);
    return res.json<{ supportId: string; recorded: string[] }>();
  };
  const startedCti = async (citizenId: string) => {
    const { supportId } = await decide(citizenId, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      occurredAt: '2026-01-05T10:00:00+01:00',
    });
    const started = await post(`${course(citizenId, supportId)}/start`, {
      occurredAt: '2026-01-12T09:00:00+01:00',
    });
    expect(started.statusCode).toBe(201);
    return supportId;
  };

  describe('support courses', () => {
    it('runs a CTI course from decision to a planned end with successor support', async () => {
      const citizenId = await register();
      const decided = await decide(citizenId, {
        method: 'cti',
        providerUnitId: 'unit-cti-team-kobenhavn',
        decidedBeforeShelterDischarge: true,
        occurredAt: '2026-01-05T10:00:00+01:00',
      });
      expect(decided.recorded).toEqual(['SupportDecided']);
      const url = course(citizenId, decided.supportId);

      const steps: Array<[string, Record<string, unknown>, string[]]> = [
        ['start', { occurredAt: '2026-01-12T09:00:00+01:00' }, ['SupportStarted']],
        ['cti-phase', { phase: 'phase-1', occurredAt: '2026-01-20T09:00:00+01:00' }, ['CtiPhaseAdvanced']],
        ['intensity', { level: 'high', plannedContactsPerWeek: 3 }, ['SupportIntensityAdjusted']],
        [
          'contact-attempts',
          { channel: 'home-visit', outcome: 'reached', occurredAt: '2026-01-25T12:00:00+01:00' },
          ['ContactAttempted'],
        ],
        ['contact-lost', { occurredAt: '2026-02-20T12:00:00+01:00' }, ['ContactLost']],
        [
          'contact-attempts',
          { channel: 'via-shelter', outcome: 'reached', occurredAt: '2026-02-22T12:00:00+01:00' },
          ['ContactAttempted', 'ContactRestored'],
        ],
        ['pause', { reason: 'other', occurredAt: '2026-02-23T12:00:00+01:00' }, ['SupportPaused']],
        ['pause', { reason: 'other' }, []], // already paused: a no-op
        ['resume', { occurredAt: '2026-02-25T12:00:00+01:00' }, ['SupportResumed']],
        [
          'end',
          { endKind: 'planned', reason: 'goal-reached', successorSupport: 'section-85' },
          ['SupportEnded'],
        ],
      ];
      for (const [action, body, recorded] of steps) {
        const res = await post(`${url}/${action}`, body);
        expect({ action, status: res.statusCode, body: res.json() }).toEqual({
          action,
          status: 201,
          body: { recorded },
        });
      }

      const timeline = await eventually(
        () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
        (res) => res.json<{ entries: unknown[] }>().entries?.length === 12,
      );
      const summaries = timeline
        .json<{ entries: Array<{ summary: string }> }>()
        .entries.map((e) => e.summary);
      expect(summaries).toEqual(
        expect.arrayContaining([
          'CTI support decided (serviceloven §85a), provider unit-cti-team-kobenhavn; decided before shelter discharge',
          'CTI advanced from contact period to phase 1; 9-month CTI ends 2026-10-20',
          'CTI contact lost: no contact for 26 days (since 2026-01-25)',
          'CTI support ended (planned, goal-reached); successor §85 bostøtte',
        ]),
      );
      const { rows } = await t.db.pool.query(
        `SELECT data->>'legalBasis' AS basis, metadata->>'legalBasis' AS fixed, type FROM events
          WHERE stream_id = $1 AND type IN ('SupportDecided', 'CtiPhaseAdvanced') ORDER BY stream_version`,
        [`support-${citizenId}`],
      );
      expect(rows).toEqual([
        { basis: 'serviceloven §85a', fixed: null, type: 'SupportDecided' },
        { basis: 'serviceloven §85a', fixed: 'serviceloven §85a', type: 'CtiPhaseAdvanced' },
      ]);
    });

    it('defaults decidedBeforeShelterDischarge from an open §110 stay', async () => {
      const citizenId = await register();
      const admitted = await post(`/citizens/${citizenId}/shelter-stays`, {
        shelterId: 'shelter-kollegiet-sct-nicolai',
        shelterName: 'Kollegiet Sct. Nicolai',
        municipalityOfStay: '101',
        referral: 'self-referred',
        occurredAt: '2026-01-02T21:00:00+01:00',
      });
      expect(admitted.statusCode).toBe(201);
      await decide(citizenId, { method: 'icm', providerUnitId: 'unit-icm-team-aarhus' });
      await decide(citizenId, {
        method: 'section-85',
        providerUnitId: 'unit-bostotte-kobenhavn',
        occurredAt: '2026-01-01T10:00:00+01:00',
      });
      const { rows } = await t.db.pool.query(
        `SELECT data->>'method' AS method, data->>'decidedBeforeShelterDischarge' AS before, data->>'legalBasis' AS basis
           FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [`support-${citizenId}`],
      );
      expect(rows).toEqual([
        { method: 'icm', before: 'true', basis: 'serviceloven §85a' },
        { method: 'section-85', before: 'false', basis: 'serviceloven §85' },
      ]);
    });

    it('refuses what the rules forbid, as problem+json naming the rule, appending nothing', async () => {
      const citizenId = await register();
      const supportId = await startedCti(citizenId);
      const url = course(citizenId, supportId);
      const { supportId: icmId } = await decide(citizenId, {
        method: 'icm',
        providerUnitId: 'unit-icm-team-aarhus',
      });
      const before = await eventCount();

      expectProblem(await post(`${url}/start`), 409, 'support-already-started');
      expectProblem(await post(`${url}/cti-phase`, { phase: 'phase-2' }), 422, 'cti-phase-skipped');
      expectProblem(await post(`${url}/cti-phase`, { phase: 'contact' }), 409, 'cti-phase-not-forward');
      expectProblem(
        await post(`${course(citizenId, icmId)}/start`, { occurredAt: '2026-01-01T00:00:00Z' }),
        422,
        'support-start-before-decision',
      );
      expectProblem(
        await post(`${course(citizenId, icmId)}/cti-phase`, { phase: 'phase-1' }),
        422,
        'cti-phase-only-for-cti',
      );
      expectProblem(
        await post(`${course(citizenId, icmId)}/pause`, { reason: 'other' }),
        409,
        'support-not-started',
      );
      expectProblem(await post(`${url}/resume`), 409, 'support-not-paused');
      expectProblem(await post(`${url}/contact-restored`, { channel: 'phone' }), 409, 'contact-not-lost');
      expectProblem(
        await post(`${url}/contact-lost`, { occurredAt: '2026-01-30T09:00:00+01:00' }),
        422,
        'contact-lost-within-three-weeks',
      );
      expectProblem(
        await post(`${url}/end`, { endKind: 'planned', reason: 'goal-reached', successorSupport: 'none' }),
        422,
        'planned-end-requires-successor-support',
      );
      expectProblem(
        await post(`${url}/end`, { endKind: 'unplanned', reason: 'goal-reached', successorSupport: 'none' }),
        422,
        'support-end-reason-not-allowed',
      );
      expectProblem(await post(`${course(citizenId, UNKNOWN_ID)}/start`), 404, 'support-not-found');
      expect(await eventCount()).toBe(before);

      expect(
        (await post(`${url}/end`, { endKind: 'unplanned', reason: 'no-wish', successorSupport: 'none' }))
          .statusCode,
      ).toBe(201);
      expectProblem(
        await post(`${url}/end`, { endKind: 'unplanned', reason: 'no-wish', successorSupport: 'none' }),
        409,
        'support-already-ended',
      );
      expectProblem(await post(`${url}/pause`, { reason: 'prison' }), 409, 'support-already-ended');
    });

    it('answers invalid bodies with 400 naming the fields', async () => {
      const citizenId = await register();
      const res = await post(`/citizens/${citizenId}/support/courses`, {
        method: 'housing-first',
        providerUnitId: 'Jens Hansen',
      });
      expect(res.statusCode).toBe(400);
      const pointers = res.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer);
      expect(pointers.sort()).toEqual(['/method', '/providerUnitId']);
    });
  });

  describe('institution transitions', () => {
    it('records an admission with leave, a discharge plan, acknowledgements and the discharge', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/institution/hospital-admissions`;
      const admitted = await post(base, {
        kind: 'psychiatric',
        medcomCode: 'STIN',
        hospitalName: 'Psykiatrisk Center København',
        ward: 'Afsnit 6202',
        occurredAt: '2026-02-10T15:00:00+01:00',
      });
      expect(admitted.statusCode).toBe(201);
      const { admissionId, recorded, pausedSupportIds } = admitted.json();
      expect({ recorded, pausedSupportIds }).toEqual({
        recorded: ['HospitalAdmissionRecorded'],
        pausedSupportIds: [],
      });

      const url = `${base}/${admissionId}`;
      const steps: Array<[string, Record<string, unknown>, string[]]> = [
        [
          'leave-start',
          { expectedReturnDate: '2026-02-16', occurredAt: '2026-02-15T10:00:00+01:00' },
          ['LeaveStarted'],
        ],
        ['leave-end', { occurredAt: '2026-02-16T18:00:00+01:00' }, ['LeaveEnded']],
        [
          'discharge-planned',
          {
            expectedDate: '2026-03-03',
            destination: 'unit-forsorgshjemmet-roskilde',
            housingStatus: 'no-home',
            medicationNeeds: 'supervised-dispensing',
          },
          ['DischargePlanned'],
        ],
      ];
      for (const [action, body, expected] of steps) {
        const res = await post(`${url}/${action}`, body);
        expect({ action, status: res.statusCode, body: res.json() }).toEqual({
          action,
          status: 201,
          body: { recorded: expected },
        });
      }

      const notice = `/citizens/${citizenId}/institution/notices/${admissionId}/acknowledge`;
      // The acknowledging unit is the caller's own; naming another is refused.
      expect((await post(notice, { acknowledgingUnitId: 'unit-forsorgshjemmet-roskilde' })).statusCode).toBe(
        403,
      );
      const ack = await post(notice, {});
      expect(ack.json()).toEqual({ recorded: ['HospitalNoticeAcknowledged'] });
      expectProblem(await post(notice, {}), 409, 'notice-already-acknowledged');
      expectProblem(
        await post(`/citizens/${citizenId}/institution/notices/${UNKNOWN_ID}/acknowledge`, {}),
        404,
        'notice-not-found',
      );

      expectProblem(
        await post(base, { kind: 'somatic', hospitalName: 'Bispebjerg Hospital' }),
        409,
        'hospital-admission-already-open',
      );
      expectProblem(await post(`${url}/leave-end`), 409, 'hospital-leave-not-started');
      expectProblem(
        await post(`${url}/discharge-planned`, {
          expectedDate: '2026-02-01',
          destination: 'own-home',
          housingStatus: 'own-home',
          medicationNeeds: 'none',
        }),
        422,
        'discharge-planned-before-admission',
      );

      const discharged = await post(`${url}/discharge`, { occurredAt: '2026-03-02T09:00:00+01:00' });
      expect(discharged.statusCode).toBe(201);
      expect(discharged.json()).toMatchObject({
        recorded: ['DischargedFromHospital'],
        resumedSupportIds: [],
      });
      expectProblem(await post(`${url}/discharge`), 409, 'hospital-admission-not-open');
      expectProblem(await post(`${base}/${UNKNOWN_ID}/discharge`), 404, 'hospital-admission-not-found');

      const { rows } = await t.db.pool.query(
        `SELECT type, data->>'legalBasis' AS basis, data->>'destination' AS destination FROM events
          WHERE stream_id = $1 AND type IN ('HospitalAdmissionRecorded', 'DischargePlanned', 'DischargedFromHospital')
          ORDER BY stream_version`,
        [`institution-${citizenId}`],
      );
      expect(rows).toEqual([
        { type: 'HospitalAdmissionRecorded', basis: 'psykiatriloven §13 a-c', destination: null },
        {
          type: 'DischargePlanned',
          basis: 'psykiatriloven §13 a-c',
          destination: 'unit-forsorgshjemmet-roskilde',
        },
        {
          type: 'DischargedFromHospital',
          basis: 'psykiatriloven §13 a-c',
          destination: 'unit-forsorgshjemmet-roskilde',
        },
      ]);

      const timeline = await eventually(
        () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
        (res) => res.json<{ entries: unknown[] }>().entries?.length === 7,
      );
      const summaries = timeline
        .json<{ entries: Array<{ summary: string }> }>()
        .entries.map((e) => e.summary);
      expect(summaries).toEqual(
        expect.arrayContaining([
          'Psychiatric admission (STIN) at Psykiatrisk Center København',
          'Psychiatric discharge planned for 2026-03-03 (in 1 day) to unit-forsorgshjemmet-roskilde; no home; medication needs: supervised-dispensing',
          'Hospital notice acknowledged by test-social-authority',
          'Psychiatric discharge (SLHJ) to unit-forsorgshjemmet-roskilde',
        ]),
      );
      expect(summaries.join(' ')).not.toContain('6202');
    });

    it('records a prison stay from intake to release, with its refusals', async () => {
      const citizenId = await register();
      const base = `/citizens/${citizenId}/institution/prison-stays`;
      const intake = await post(base, {
        institutionName: 'Statsfængslet Østjylland',
        occurredAt: '2026-01-20T09:00:00+01:00',
      });
      expect(intake.statusCode).toBe(201);
      const { stayId } = intake.json<{ stayId: string }>();
      expectProblem(await post(base, { institutionName: 'Vestre Fængsel' }), 409, 'prison-stay-already-open');

      const scheduled = await post(`${base}/${stayId}/release-scheduled`, {
        expectedReleaseDate: '2026-03-30',
        housingStatus: 'no-home',
      });
      expect(scheduled.json()).toEqual({ recorded: ['ReleaseScheduled'] });
      expectProblem(
        await post(`${base}/${stayId}/release-scheduled`, { expectedReleaseDate: '2026-01-01' }),
        422,
        'release-scheduled-before-intake',
      );

      const ack = await post(`/citizens/${citizenId}/institution/notices/${stayId}/acknowledge`, {});
      expect(ack.json()).toEqual({ recorded: ['PrisonNoticeAcknowledged'] });

      const released = await post(`${base}/${stayId}/release`, { occurredAt: '2026-03-02T08:00:00+01:00' });
      expect(released.json()).toMatchObject({ recorded: ['ReleasedFromPrison'], resumedSupportIds: [] });
      expectProblem(await post(`${base}/${stayId}/release`), 409, 'prison-stay-not-open');
      expectProblem(await post(`${base}/${UNKNOWN_ID}/release`), 404, 'prison-stay-not-found');

      const { rows } = await t.db.pool.query(
        `SELECT DISTINCT metadata->>'legalBasis' AS basis FROM events WHERE stream_id = $1`,
        [`institution-${citizenId}`],
      );
      expect(rows).toEqual([{ basis: 'retsplejeloven §115' }]);
    });
  });

  describe('Housing First: an admission or prison stay pauses support and never ends it', () => {
    it('pauses an active CTI course at a psychiatric admission, resumes it at discharge, and it stays active', async () => {
      const citizenId = await register();
      const supportId = await startedCti(citizenId);
      const { supportId: decidedOnly } = await decide(citizenId, {
        method: 'section-85',
        providerUnitId: 'unit-bostotte-kobenhavn',
      });

      const admitted = await post(
        `/citizens/${citizenId}/institution/hospital-admissions`,
        {
          kind: 'psychiatric',
          hospitalName: 'Psykiatrisk Center København',
          occurredAt: '2026-02-10T15:00:00+01:00',
        },
        { 'idempotency-key': 'admission-psyk-1' },
      );
      expect(admitted.statusCode).toBe(201);
      const { admissionId } = admitted.json<{ admissionId: string }>();
      // only the started course is paused; a course that has only been decided has nothing to pause
      expect(admitted.json()).toEqual({
        recorded: ['HospitalAdmissionRecorded', 'SupportPaused'],
        admissionId,
        pausedSupportIds: [supportId],
      });
      const { rows: pausedRows } = await t.db.pool.query(
        `SELECT data->>'reason' AS reason, data->>'institutionStayId' AS stay, occurred_at FROM events
          WHERE stream_id = $1 AND type = 'SupportPaused'`,
        [`support-${citizenId}`],
      );
      expect(pausedRows).toEqual([
        { reason: 'psychiatric-admission', stay: admissionId, occurred_at: new Date('2026-02-10T14:00:00Z') },
      ]);
      // with support, the hospital data rests on retssikkerhedsloven §12 c
      const { rows: basis } = await t.db.pool.query(
        `SELECT data->>'legalBasis' AS basis FROM events WHERE stream_id = $1`,
        [`institution-${citizenId}`],
      );
      expect(basis).toEqual([{ basis: 'retssikkerhedsloven §12 c' }]);

      // a paused course is not "lost": the citizen is known to be in hospital
      expectProblem(await post(`${course(citizenId, supportId)}/contact-lost`), 409, 'support-not-active');

      // A retry whose first attempt appended everything but never answered (the key was released) runs again:
      // the admission is recognised as the same one and the course is already paused, so nothing is added.
      const before = await eventCount();
      await t.db.pool.query(`DELETE FROM idempotency_keys WHERE key = 'admission-psyk-1'`);
      const retried = await post(
        `/citizens/${citizenId}/institution/hospital-admissions`,
        {
          kind: 'psychiatric',
          hospitalName: 'Psykiatrisk Center København',
          occurredAt: '2026-02-10T15:00:00+01:00',
        },
        { 'idempotency-key': 'admission-psyk-1' },
      );
      expect(retried.statusCode).toBe(201);
      expect(retried.json()).toEqual({ recorded: [], admissionId, pausedSupportIds: [] });
      expect(await eventCount()).toBe(before);

      const discharged = await post(
        `/citizens/${citizenId}/institution/hospital-admissions/${admissionId}/discharge`,
        { destination: 'own-home', occurredAt: '2026-02-24T11:00:00+01:00' },
        { 'idempotency-key': 'discharge-psyk-1' },
      );
      expect(discharged.statusCode).toBe(201);
      expect(discharged.json()).toMatchObject({
        recorded: ['DischargedFromHospital', 'SupportResumed'],
        resumedSupportIds: [supportId],
      });
      await t.db.pool.query(`DELETE FROM idempotency_keys WHERE key = 'discharge-psyk-1'`);
      const dischargeRetry = await post(
        `/citizens/${citizenId}/institution/hospital-admissions/${admissionId}/discharge`,
        { destination: 'own-home', occurredAt: '2026-02-24T11:00:00+01:00' },
        { 'idempotency-key': 'discharge-psyk-1' },
      );
      expect(dischargeRetry.json()).toMatchObject({ recorded: [], resumedSupportIds: [] });

      expect(await streamTypes(`support-${citizenId}`)).toEqual([
        'SupportDecided',
        'SupportStarted',
        'SupportDecided',
        'SupportPaused',
        'SupportResumed',
      ]);

      // still active: phases and contact go on, and the handover rule still applies to it
      const url = course(citizenId, supportId);
      expect((await post(`${url}/cti-phase`, { phase: 'phase-1' })).statusCode).toBe(201);
      expectProblem(
        await post(`${url}/end`, { endKind: 'planned', reason: 'goal-reached', successorSupport: 'none' }),
        422,
        'planned-end-requires-successor-support',
      );
      const end = await post(`${url}/end`, {
        endKind: 'planned',
        reason: 'goal-reached',
        successorSupport: 'section-85',
        successorSupportId: decidedOnly,
      });
      expect(end.json()).toEqual({ recorded: ['SupportEnded'] });

      const timeline = await eventually(
        () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
        (res) => res.json<{ entries: unknown[] }>().entries?.length === 10,
      );
      const summaries = timeline
        .json<{ entries: Array<{ summary: string }> }>()
        .entries.map((e) => e.summary);
      expect(summaries).toEqual(
        expect.arrayContaining([
          'CTI support paused: psychiatric admission (not ended)',
          'CTI support resumed after psychiatric admission (paused 14 days)',
        ]),
      );
    });

    it('pauses at a prison intake and resumes at the release', async () => {
      const citizenId = await register();
      const { supportId } = await decide(citizenId, {
        method: 'section-85',
        providerUnitId: 'unit-bostotte-aarhus',
        occurredAt: '2026-01-05T10:00:00+01:00',
      });
      await post(`${course(citizenId, supportId)}/start`, { occurredAt: '2026-01-06T10:00:00+01:00' });

      const intake = await post(`/citizens/${citizenId}/institution/prison-stays`, {
        institutionName: 'Statsfængslet Østjylland',
        occurredAt: '2026-01-20T09:00:00+01:00',
      });
      expect(intake.json()).toMatchObject({
        recorded: ['PrisonIntakeRecorded', 'SupportPaused'],
        pausedSupportIds: [supportId],
      });
      const { stayId } = intake.json<{ stayId: string }>();
      const released = await post(`/citizens/${citizenId}/institution/prison-stays/${stayId}/release`, {
        occurredAt: '2026-02-27T09:00:00+01:00',
      });
      expect(released.json()).toMatchObject({
        recorded: ['ReleasedFromPrison', 'SupportResumed'],
        resumedSupportIds: [supportId],
      });
      const { rows } = await t.db.pool.query(
        `SELECT type, data->>'reason' AS reason, data->>'pausedReason' AS paused FROM events
          WHERE stream_id = $1 AND type IN ('SupportPaused', 'SupportResumed') ORDER BY stream_version`,
        [`support-${citizenId}`],
      );
      expect(rows).toEqual([
        { type: 'SupportPaused', reason: 'prison', paused: null },
        { type: 'SupportResumed', reason: null, paused: 'prison' },
      ]);
    });

    it('does not end support when the citizen leaves a shelter for the street: support is independent of housing', async () => {
      const citizenId = await register();
      const supportId = await startedCti(citizenId);
      const admitted = await post(`/citizens/${citizenId}/shelter-stays`, {
        shelterId: 'shelter-kollegiet-sct-nicolai',
        shelterName: 'Kollegiet Sct. Nicolai',
        municipalityOfStay: '101',
        referral: 'self-referred',
        occurredAt: '2026-01-15T21:00:00+01:00',
      });
      const { stayId } = admitted.json<{ stayId: string }>();
      const left = await post(`/citizens/${citizenId}/shelter-stays/${stayId}/discharge`, {
        destination: 'street',
        planned: false,
        occurredAt: '2026-02-01T10:00:00+01:00',
      });
      expect(left.statusCode).toBe(201);

      expect(await streamTypes(`support-${citizenId}`)).toEqual(['SupportDecided', 'SupportStarted']);
      const attempt = await post(`${course(citizenId, supportId)}/contact-attempts`, {
        channel: 'outreach',
        outcome: 'reached',
      });
      expect(attempt.json()).toEqual({ recorded: ['ContactAttempted'] });
    });
  });
});
