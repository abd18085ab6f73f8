import { eventually, startTestApp, TestApp } from '../support/test-app';

/** Monday 2 March 2026, 11:00 Copenhagen time: the whole chain below lies before it. */
const NOW = new Date('2026-03-02T10:00:00Z');

type Entry = { type: string; occurredAt: string; summary: string };

/**
 * One citizen through a realistic Housing First chain over HTTP, every step recorded by the unit that
 * knows it, some reported late: psychiatric discharge planned with no home, §110 admission, notice to the
 * handlekommune, §141 action plan, housing offer with a lease-signing deadline, fast-tracked and granted
 * deposit, lease, move-in, CTI decided before the shelter discharge and started, discharge, a missed
 * jobcentre meeting and a sanction warning, contact attempts, warning withdrawn.
 */
describe('a Housing First chain, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  const post = async (url: string, body: Record<string, unknown>) => {
    const res = await t.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    if (res.statusCode !== 201) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
    return res.json<Record<string, string | string[]>>();
  };

  it('records every step and the timeline shows all of it in the order it happened', async () => {
    const { citizenId } = await post('/citizens', {
      cpr: '110382-4127',
      name: 'Kim Larsen',
      handlekommune: '101',
      occurredAt: '2026-01-05T09:00:00+01:00',
    });
    const c = `/citizens/${citizenId}`;

    // Psychiatry: admitted, discharge planned with no home, to a named shelter.
    const { admissionId } = await post(`${c}/institution/hospital-admissions`, {
      kind: 'psychiatric',
      hospitalName: 'Psykiatrisk Center København',
      occurredAt: '2026-01-06T08:00:00+01:00',
    });
    await post(`${c}/institution/hospital-admissions/${admissionId}/discharge-planned`, {
      expectedDate: '2026-01-14',
      destination: 'shelter-kollegiet-sct-nicolai',
      housingStatus: 'no-home',
      medicationNeeds: 'support-needed',
      occurredAt: '2026-01-12T15:00:00+01:00',
    });
    await post(`${c}/institution/hospital-admissions/${admissionId}/discharge`, {
      occurredAt: '2026-01-14T10:00:00+01:00',
    });

    // §110 shelter: admission, notice to the handlekommune within 3 working days.
    const { stayId } = await post(`${c}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'referred',
      occurredAt: '2026-01-14T15:00:00+01:00',
    });
    await post(`${c}/shelter-stays/${stayId}/handlekommune-notified`, {
      channel: 'secure-email',
      occurredAt: '2026-01-15T09:30:00+01:00',
    });

    // Social authority: §141 action plan.
    const { actionPlanId } = await post(`${c}/plan/action-plans`, {
      occurredAt: '2026-01-19T10:00:00+01:00',
    });
    await post(`${c}/plan/action-plans/${actionPlanId}/make`, {
      focusAreas: ['housing', 'economy', 'health'],
      occurredAt: '2026-01-22T13:00:00+01:00',
    });

    // Housing offer with a lease-signing deadline; benefits fast-track and grant the deposit.
    const { offerId } = await post(`${c}/housing/offers`, {
      dwelling: '1-værelses almen bolig, Sydhavnen',
      housingAssociation: 'fsb',
      monthlyRentKr: 4850,
      depositKr: 14550,
      leaseSigningDeadline: '2026-02-16',
      expectedMoveIn: '2026-02-11',
      occurredAt: '2026-02-02T11:00:00+01:00',
    });
    const { applicationId } = await post(`${c}/benefits/deposit-applications`, {
      kind: 'moving-expenses',
      amountKr: 14550,
      decidingMunicipality: '101',
      linkedOfferId: offerId,
      leaseSigningDeadline: '2026-02-16',
      occurredAt: '2026-02-03T09:00:00+01:00',
    });
    await post(`${c}/benefits/deposit-applications/${applicationId}/fast-track`, {
      reason: 'housing-offer-lease-deadline',
      occurredAt: '2026-02-03T09:20:00+01:00',
    });
    await post(`${c}/benefits/deposit-applications/${applicationId}/decision`, {
      outcome: 'granted',
      occurredAt: '2026-02-04T08:45:00+01:00',
    });
    await post(`${c}/housing/offers/${offerId}/accept`, { occurredAt: '2026-02-05T10:00:00+01:00' });
    await post(`${c}/housing/offers/${offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2026-02-11',
      occurredAt: '2026-02-10T11:00:00+01:00',
    });

    // CTI decided while still in the shelter (it matters for the §85a refund), then move-in and discharge.
    const { supportId } = await post(`${c}/support/courses`, {
      method: 'cti',
      providerUnitId: 'unit-cti-team-kobenhavn',
      decidedBeforeShelterDischarge: true,
      occurredAt: '2026-02-10T14:00:00+01:00',
    });
    await post(`${c}/housing/move-in`, { occurredAt: '2026-02-11T10:00:00+01:00' });
    await post(`${c}/support/courses/${supportId}/start`, { occurredAt: '2026-02-11T11:00:00+01:00' });
    await post(`${c}/shelter-stays/${stayId}/discharge`, {
      destination: 'own-home',
      planned: true,
      occurredAt: '2026-02-11T16:00:00+01:00',
    });

    // Jobcentre: a missed meeting, a sanction warning, contact attempts (also via the support worker), withdrawn.
    await post(`${c}/employment/missed-meetings`, {
      meetingDate: '2026-02-16',
      occurredAt: '2026-02-16T11:00:00+01:00',
    });
    const { warningId } = await post(`${c}/employment/sanction-warnings`, {
      ground: 'missed-meeting',
      readiness: 'activity-ready',
      hearingDeadline: '2026-02-27',
      occurredAt: '2026-02-17T09:00:00+01:00',
    });
    await post(`${c}/employment/sanction-warnings/${warningId}/contact-attempts`, {
      channel: 'phone',
      outcome: 'not-reached',
      occurredAt: '2026-02-18T10:00:00+01:00',
    });
    await post(`${c}/employment/sanction-warnings/${warningId}/contact-attempts`, {
      channel: 'via-support-worker',
      outcome: 'reached',
      occurredAt: '2026-02-19T13:30:00+01:00',
    });
    await post(`${c}/employment/sanction-warnings/${warningId}/withdraw`, {
      reason: 'reasonable-cause',
      occurredAt: '2026-02-20T09:00:00+01:00',
    });

    const expected = [
      'CitizenRegistered',
      'HospitalAdmissionRecorded',
      'DischargePlanned',
      'DischargedFromHospital',
      'ShelterAdmissionRecorded',
      'HandlekommuneNotified',
      'ActionPlanOffered',
      'ActionPlanMade',
      'HousingOffered',
      'DepositApplicationSubmitted',
      'DepositApplicationFastTracked',
      'DepositApplicationDecided',
      'HousingOfferAccepted',
      'LeaseSigned',
      'SupportDecided',
      'MovedIn',
      'SupportStarted',
      'ShelterDischargeRecorded',
      'MeetingMissed',
      'SanctionWarningIssued',
      'PersonalContactAttempted',
      'PersonalContactAttempted',
      'SanctionWithdrawn',
    ];
    const res = await eventually(
      () => t.request({ method: 'GET', url: `${c}/timeline` }),
      (r) => (r.json<{ entries?: Entry[] }>().entries?.length ?? 0) >= expected.length,
    );
    const entries = res.json<{ entries: Entry[] }>().entries;
    expect(entries.map((e) => e.type)).toEqual(expected);
    const times = entries.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const entry of entries) {
      expect(entry.summary.length).toBeGreaterThan(5);
      expect(entry.summary).not.toMatch(/Kim|Larsen|110382/);
    }
    const summaries = entries.map((e) => e.summary).join('\n');
    expect(summaries).toContain('Kollegiet Sct. Nicolai');
    expect(summaries).toMatch(/14[.,]?550/);
  });

  it('keeps support running when the tenancy ends (support and tenancy are separate)', async () => {
    const { citizenId } = await post('/citizens', {
      alias: 'Lange',
      handlekommune: '751',
      occurredAt: '2026-01-05T09:00:00+01:00',
    });
    const c = `/citizens/${citizenId}`;
    const { offerId } = await post(`${c}/housing/offers`, {
      dwelling: '2-værelses almen bolig, Gellerup',
      housingAssociation: 'brabrand-boligforening',
      monthlyRentKr: 5200,
      depositKr: 15600,
      leaseSigningDeadline: '2026-01-20',
      expectedMoveIn: '2026-02-01',
      occurredAt: '2026-01-08T10:00:00+01:00',
    });
    await post(`${c}/housing/offers/${offerId}/accept`, { occurredAt: '2026-01-09T10:00:00+01:00' });
    await post(`${c}/housing/offers/${offerId}/lease`, {
      leaseType: 'permanent',
      leaseStartsOn: '2026-02-01',
      occurredAt: '2026-01-15T10:00:00+01:00',
    });
    await post(`${c}/housing/move-in`, { occurredAt: '2026-02-01T12:00:00+01:00' });
    const { supportId } = await post(`${c}/support/courses`, {
      method: 'icm',
      providerUnitId: 'unit-icm-team-aarhus',
      occurredAt: '2026-01-20T10:00:00+01:00',
    });
    await post(`${c}/support/courses/${supportId}/start`, { occurredAt: '2026-02-01T13:00:00+01:00' });

    const ended = await post(`${c}/housing/tenancy-ended`, {
      reason: 'terminated-by-landlord',
      occurredAt: '2026-02-20T10:00:00+01:00',
    });
    expect(ended.recorded).toEqual(['TenancyEnded']);

    // The support course is still active: contact is recorded as usual, and it can still be ended once.
    const contact = await post(`${c}/support/courses/${supportId}/contact-attempts`, {
      channel: 'home-visit',
      outcome: 'reached',
      occurredAt: '2026-02-21T10:00:00+01:00',
    });
    expect(contact.recorded).toEqual(['ContactAttempted']);
    const { rows } = await t.db.pool.query(
      `SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [`support-${citizenId}`],
    );
    expect(rows.map((r) => r.type)).not.toContain('SupportEnded');
  });
});
