import { eventually, startTestApp, TestApp } from '../support/test-app';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('linking two records of the same person', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) =>
    t.request({ method: 'POST', url, headers: JSON_HEADERS, payload: JSON.stringify(body) });
  const register = async (body: Record<string, unknown>) =>
    (await post('/citizens', body)).json<{ citizenId: string }>().citizenId;
  const timeline = (citizenId: string) =>
    t
      .request({ method: 'GET', url: `/citizens/${citizenId}/timeline` })
      .then((r) => r.json<{ entries: Array<{ type: string; citizenId: string }> }>().entries);

  it('shows both records on either timeline while linked, and only its own after unlinking', async () => {
    // A night shelter registers "Bamse" without CPR; later the municipality registers him with CPR.
    const alias = await register({ alias: 'Bamse', handlekommune: '101' });
    const withCpr = await register({ cpr: '020471-3315', name: 'Bent Madsen', handlekommune: '101' });
    expect(
      (
        await post(`/citizens/${alias}/shelter-stays`, {
          shelterId: 'shelter-maendenes-hjem',
          shelterName: 'Mændenes Hjem',
          municipalityOfStay: '101',
          referral: 'self-referred',
        })
      ).statusCode,
    ).toBe(201);

    const linked = await post(`/citizens/${withCpr}/record-links`, {
      linkedCitizenId: alias,
      reason: 'Identified by the shelter contact at admission',
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toEqual({ recorded: ['CitizenRecordsLinked'] });

    const both = await eventually(
      () => timeline(withCpr),
      (entries) => entries.some((e) => e.type === 'ShelterAdmissionRecorded'),
    );
    expect(both.map((e) => e.type)).toEqual(
      expect.arrayContaining(['CitizenRegistered', 'ShelterAdmissionRecorded', 'CitizenRecordsLinked']),
    );
    expect(new Set(both.map((e) => e.citizenId))).toEqual(new Set([alias, withCpr]));
    const fromAlias = await timeline(alias);
    expect(fromAlias.length).toBe(both.length);

    const again = await post(`/citizens/${alias}/record-links`, {
      linkedCitizenId: withCpr,
      reason: 'duplicate click',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().rule).toBe('records-already-linked');

    const unlinked = await post(`/citizens/${withCpr}/record-links/${alias}/unlink`, {
      reason: 'Two different men called Bamse',
    });
    expect(unlinked.statusCode).toBe(201);
    const own = await eventually(
      () => timeline(withCpr),
      (entries) => entries.every((e) => e.citizenId === withCpr),
    );
    expect(own.every((e) => e.citizenId === withCpr)).toBe(true);

    const automatic = await post(`/citizens/${alias}/record-links`, {
      linkedCitizenId: withCpr,
      method: 'automatic',
      reason: 'matching rule: same alias and shelter',
    });
    expect(automatic.statusCode).toBe(409);
    expect(automatic.json().rule).toBe('unlinked-pair-not-relinked-automatically');
  });

  it('refuses to link to an unknown record or to itself', async () => {
    const citizen = await register({ alias: 'Solo', handlekommune: '851' });
    const unknown = await post(`/citizens/${citizen}/record-links`, {
      linkedCitizenId: '0193a4c2-0000-7000-8000-00000000beef',
      reason: 'typo',
    });
    expect(unknown.statusCode).toBe(404);
    const self = await post(`/citizens/${citizen}/record-links`, {
      linkedCitizenId: citizen,
      reason: 'oops',
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().rule).toBe('cannot-link-record-to-itself');
  });
});
