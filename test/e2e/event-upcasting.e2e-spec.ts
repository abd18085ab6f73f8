import { randomUUID } from 'node:crypto';
import { ExpectedVersion, PostgresEventStore } from '../../libs/event-store/src';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * ShelterAdmissionRecorded went from v1 (`hasHomeButCannotUseIt: boolean`) to v2 (`homeSituation`). Events in
 * the store are never rewritten: a v1 event written before the change must still read, project and decide as v2.
 */
describe('event upcasting: ShelterAdmissionRecorded v1 in the store', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, body: unknown) =>
    t.request({ method: 'POST', url, headers: JSON_HEADERS, payload: JSON.stringify(body) });

  /** Writes the admission as the code before the change did: schema version 1, the old shape. */
  async function appendV1Admission(citizenId: string, stayId: string, hasHomeButCannotUseIt: boolean) {
    const store = new PostgresEventStore(t.db.pool);
    await store.append(
      `shelter-stays-${citizenId}`,
      [
        {
          id: randomUUID(),
          type: 'ShelterAdmissionRecorded',
          schemaVersion: 1,
          data: {
            citizenId,
            stayId,
            occurredAt: '2026-01-10T20:40:00.000Z',
            shelterId: 'shelter-forsorgshjemmet-roskilde',
            shelterName: 'Forsorgshjemmet Roskilde',
            municipalityOfStay: '265',
            handlekommune: '101',
            referral: 'self-referred',
            hasHomeButCannotUseIt,
          },
          metadata: { correlationId: 'upcast-test', legalBasis: 'serviceloven §110' },
          occurredAt: new Date('2026-01-10T20:40:00.000Z'),
        },
      ],
      ExpectedVersion.noStream,
    );
  }

  async function register(): Promise<string> {
    const res = await post('/citizens', { alias: 'Gamle Ole', handlekommune: '101' });
    expect(res.statusCode).toBe(201);
    return res.json<{ citizenId: string }>().citizenId;
  }

  it('shows the upcast meaning on the timeline and lets the decider fold it: the stay can be discharged', async () => {
    const citizenId = await register();
    const stayId = randomUUID();
    await appendV1Admission(citizenId, stayId, true);

    const timeline = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (res) => res.json<{ entries: unknown[] }>().entries?.length === 2,
    );
    const entries = timeline.json<{ entries: Array<{ type: string; summary: string }> }>().entries;
    expect(entries[0]).toMatchObject({
      type: 'ShelterAdmissionRecorded',
      summary:
        'Admitted to §110 shelter Forsorgshjemmet Roskilde (stay municipality Roskilde), self-referred; ' +
        'handlekommune København (101); has a home but cannot use it',
    });

    // The decider sees the v1 admission (upcast) as the open stay: a second admission is refused...
    const second = await post(`/citizens/${citizenId}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'referred',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ rule: 'shelter-stay-already-open', openStayId: stayId });

    // ...and the stay can be discharged, and followed up.
    const discharged = await post(`/citizens/${citizenId}/shelter-stays/${stayId}/discharge`, {
      destination: 'own-home',
      planned: true,
      occurredAt: '2026-02-20T10:00:00+01:00',
    });
    expect(discharged.statusCode).toBe(201);
    expect(discharged.json()).toEqual({ stayId });

    // The stored event itself is untouched: still v1 with the old field.
    const { rows } = await t.db.pool.query(
      `SELECT type, schema_version, data ? 'hasHomeButCannotUseIt' AS old_shape, data ? 'homeSituation' AS new_shape
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [`shelter-stays-${citizenId}`],
    );
    expect(rows).toEqual([
      { type: 'ShelterAdmissionRecorded', schema_version: 1, old_shape: true, new_shape: false },
      { type: 'ShelterDischargeRecorded', schema_version: 1, old_shape: false, new_shape: false },
    ]);
  });

  it('reads a v1 admission without the flag set as no-home, and new admissions are written as v2', async () => {
    const citizenId = await register();
    await appendV1Admission(citizenId, randomUUID(), false);
    const timeline = await eventually(
      () => t.request({ method: 'GET', url: `/citizens/${citizenId}/timeline` }),
      (res) => res.json<{ entries: unknown[] }>().entries?.length === 2,
    );
    const [admission] = timeline.json<{ entries: Array<{ summary: string }> }>().entries;
    expect(admission.summary).not.toContain('cannot use it');

    const other = await register();
    const admitted = await post(`/citizens/${other}/shelter-stays`, {
      shelterId: 'shelter-forsorgshjemmet-roskilde',
      shelterName: 'Forsorgshjemmet Roskilde',
      municipalityOfStay: '265',
      referral: 'self-referred',
      homeSituation: 'home-cannot-be-used',
    });
    expect(admitted.statusCode).toBe(201);
    const { rows } = await t.db.pool.query(
      `SELECT schema_version, data->>'homeSituation' AS home FROM events WHERE stream_id = $1`,
      [`shelter-stays-${other}`],
    );
    expect(rows).toEqual([{ schema_version: 2, home: 'home-cannot-be-used' }]);
  });
});
