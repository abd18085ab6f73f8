import { postFact, readAuditRows, registerCitizen } from '../support/http-helpers';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-03-02T10:00:00Z');

type Entry = { type: string; category: string; occurredAt: string; recordedAt: string; summary: string };
type Timeline = { citizenId: string; knownAt: string | null; validAt: string | null; entries: Entry[] };

/**
 * The timeline's two time axes with a late-reported fact: the shelter reports an admission of 10 February
 * promptly, and on a later day someone records that the citizen was sleeping rough on 20 January. Read "as
 * known" before the late report, the street situation is not there; read "as valid" on 1 February, only the
 * street situation (and the registration) had happened.
 */
describe('timeline: categories and time travel (knownAt / validAt)', () => {
  let t: TestApp;
  let citizenId: string;
  let beforeLateReport: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
    citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
    await postFact(t, `/citizens/${citizenId}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'self-referred',
      occurredAt: '2026-02-10T21:30:00+01:00',
    });
    const known = await eventually(
      () => timeline(),
      (tl) => tl.entries.length === 2,
    );
    beforeLateReport = known.entries.map((e) => e.recordedAt).sort()[1];
    // The late report is recorded strictly after that instant.
    await new Promise((resolve) => setTimeout(resolve, 15));
    await postFact(t, `/citizens/${citizenId}/homelessness-situations`, {
      situation: 'street',
      occurredAt: '2026-01-20T23:00:00+01:00',
    });
    await eventually(
      () => timeline(),
      (tl) => tl.entries.length === 3,
    );
  });
  afterAll(() => t.close());

  /** The timeline, without the alert engine's own entries (alerts raised on these facts are not under test). */
  async function timeline(query = ''): Promise<Timeline> {
    const res = await t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline${query}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<Timeline>();
    return { ...body, entries: body.entries.filter((e) => !e.type.startsWith('Alert')) };
  }

  it('tags every entry with the visibility category of its event', async () => {
    const tl = await timeline();
    expect(tl.entries.map((e) => [e.type, e.category])).toEqual([
      ['CitizenRegistered', 'identity'],
      ['HomelessnessSituationRecorded', 'identity'],
      ['ShelterAdmissionRecorded', 'shelter'],
    ]);
    expect(tl.knownAt).toBeNull();
    expect(tl.validAt).toBeNull();
  });

  it('knownAt: the timeline as the system knew it then leaves out the fact reported later', async () => {
    const tl = await timeline(`?knownAt=${encodeURIComponent(beforeLateReport)}`);
    expect(tl.knownAt).toBe(beforeLateReport);
    expect(tl.entries.map((e) => e.type)).toEqual(['CitizenRegistered', 'ShelterAdmissionRecorded']);
    expect(tl.entries.every((e) => e.recordedAt <= beforeLateReport)).toBe(true);
  });

  it('validAt: what had happened by then, as known now, includes the late fact and leaves out later ones', async () => {
    const tl = await timeline(`?validAt=${encodeURIComponent('2026-02-01T00:00:00+01:00')}`);
    expect(tl.validAt).toBe('2026-01-31T23:00:00.000Z');
    expect(tl.entries.map((e) => e.type)).toEqual(['CitizenRegistered', 'HomelessnessSituationRecorded']);
  });

  it('both axes together: what was known then about what had happened by an earlier instant', async () => {
    const tl = await timeline(
      `?knownAt=${encodeURIComponent(beforeLateReport)}&validAt=${encodeURIComponent('2026-02-01T00:00:00Z')}`,
    );
    expect(tl.entries.map((e) => e.type)).toEqual(['CitizenRegistered']);
  });

  it('a knownAt before anything was recorded answers an empty timeline, not an error', async () => {
    const tl = await timeline('?knownAt=2020-01-01T00:00:00Z');
    expect(tl.entries).toEqual([]);
  });

  it.each([
    ['a bare date', 'knownAt=2026-03-01'],
    ['no time zone', 'knownAt=2026-03-01T10:00:00'],
    ['an impossible date', 'validAt=2026-02-30T10:00:00Z'],
    ['a word', 'validAt=yesterday'],
    ['an empty value', 'knownAt='],
    ['a repeated parameter', 'knownAt=2026-03-01T10:00:00Z&knownAt=2026-03-02T10:00:00Z'],
    ['an unknown parameter', 'asOf=2026-03-01T10:00:00Z'],
  ])('answers %s with 400 problem+json naming the parameter', async (_, query) => {
    const res = await t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<{ type: string; errors: Array<{ pointer: string }> }>();
    expect(problem.type).toBe('/problems/validation-failed');
    expect(problem.errors.length).toBeGreaterThan(0);
  });

  it('writes one audit row per read, time travel included', async () => {
    const before = await readAuditRows(t, citizenId, 'timeline');
    await timeline('?validAt=2026-02-01T00:00:00Z');
    await timeline();
    expect(await readAuditRows(t, citizenId, 'timeline')).toBe(before + 2);
  });
});
