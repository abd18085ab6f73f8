import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { ExpectedVersion, PostgresEventStore } from '../../libs/event-store/src';
import { allProjections, ProjectionRunner } from '../../libs/projections/src';
import { postFact, registerCitizen } from '../support/http-helpers';
import { caughtUp, tableHashes, tablesWrittenBy } from '../support/read-model-hashes';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-03-02T10:00:00Z');

/**
 * Every read model is a pure function of the log: rebuilding each projection from zero (reset + catch up, in
 * batches of another size than the live worker's) gives byte-for-byte the tables the live worker built while the
 * events arrived one request at a time.
 */
describe('rebuilding every projection from the log equals the live read models', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: { now: () => NOW } });
  });
  afterAll(() => t.close());

  it('drives the chain, rebuilds every projection and finds the same md5 per read-model table', async () => {
    await driveChain(t);
    const projections = allProjections();
    const logEnd = await caughtUp(
      t.db.pool,
      projections.map((p) => p.name),
    );

    const tables = await tablesWrittenBy(t.db.pool, projections);
    const readModels = [
      'timeline_entries',
      'citizen_links',
      'citizen_status',
      'citizen_contacts',
      'citizen_tenancies',
      'citizen_support_courses',
      'citizen_institution_stays',
      'shelter_stays',
      'fast_track_applications',
      'fast_track_offers',
    ];
    expect(tables).toEqual(expect.arrayContaining(readModels));

    const live = await tableHashes(t.db.pool, tables);
    // The chain fills every table of these read models, so equal hashes do not just mean equally empty.
    expect(readModels.filter((table) => live[table].rows === 0)).toEqual([]);

    const runner = new ProjectionRunner(
      t.db.pool,
      new PostgresEventStore(t.db.pool),
      projections,
      pino({ level: 'silent' }),
      {
        batchSize: 7,
        idleDelayMs: 10,
      },
    );
    for (const projection of projections) {
      await runner.reset(projection);
      await runner.catchUp(projection);
    }
    // Same log as the live read models were built from, so any difference is the rebuild's.
    expect(
      await caughtUp(
        t.db.pool,
        projections.map((p) => p.name),
      ),
    ).toBe(logEnd);
    expect(await tableHashes(t.db.pool, tables)).toEqual(live);

    // The CLI's way: all reset, then one pass over the log applying each page to every projection.
    for (const projection of projections) await runner.reset(projection);
    await runner.catchUpTogether(projections);
    expect(
      await caughtUp(
        t.db.pool,
        projections.map((p) => p.name),
      ),
    ).toBe(logEnd);
    expect(await tableHashes(t.db.pool, tables)).toEqual(live);
  });
});

/** Facts for every read model: a whole Housing First chain, linked records, the fast-track queue, late reports. */
async function driveChain(t: TestApp): Promise<void> {
  const citizenId = await registerCitizen(t, '2026-01-05T09:00:00+01:00');
  const c = `/citizens/${citizenId}`;
  const { admissionId } = await postFact(t, `${c}/institution/hospital-admissions`, {
    kind: 'psychiatric',
    hospitalName: 'Psykiatrisk Center København',
    occurredAt: '2026-01-06T08:00:00+01:00',
  });
  await postFact(t, `${c}/institution/hospital-admissions/${admissionId}/discharge-planned`, {
    expectedDate: '2026-01-14',
    destination: 'shelter-kollegiet-sct-nicolai',
    housingStatus: 'no-home',
    medicationNeeds: 'support-needed',
    occurredAt: '2026-01-12T15:00:00+01:00',
  });
  await postFact(t, `${c}/institution/hospital-admissions/${admissionId}/discharge`, {
    occurredAt: '2026-01-14T10:00:00+01:00',
  });
  const { stayId } = await postFact(t, `${c}/shelter-stays`, {
    shelterId: 'shelter-kollegiet-sct-nicolai',
    shelterName: 'Kollegiet Sct. Nicolai',
    municipalityOfStay: '101',
    referral: 'referred',
    occurredAt: '2026-01-14T15:00:00+01:00',
  });
  await postFact(t, `${c}/shelter-stays/${stayId}/handlekommune-notified`, {
    channel: 'secure-email',
    occurredAt: '2026-01-15T09:30:00+01:00',
  });
  await postFact(t, `${c}/contacts`, {
    role: 'support-worker',
    staffId: 'kk-sof-az48213',
    unitId: 'kk-cti-team-nordvest',
    channel: { kind: 'work-phone', value: '+45 33 17 33 17' },
  });
  await postFact(t, `${c}/contacts`, {
    role: 'shelter-contact',
    staffId: 'sctn-kp-17',
    unitId: 'shelter-sct-nicolai',
  });
  await postFact(t, `${c}/employment/caseworker-assignments`, {
    caseworkerId: 'kk-bif-jc-10422',
    unitId: 'kk-jobcenter-kobenhavn',
  });
  const { offerId } = await postFact(t, `${c}/housing/offers`, {
    dwelling: '1-værelses almen bolig, Sydhavnen',
    housingAssociation: 'fsb',
    monthlyRentKr: 4850,
    depositKr: 14550,
    leaseSigningDeadline: '2026-02-16',
    expectedMoveIn: '2026-02-11',
    occurredAt: '2026-02-02T11:00:00+01:00',
  });
  const { applicationId } = await postFact(t, `${c}/benefits/deposit-applications`, {
    kind: 'moving-expenses',
    amountKr: 14550.5,
    decidingMunicipality: '101',
    linkedOfferId: offerId,
    occurredAt: '2026-02-03T09:00:00+01:00',
  });
  await postFact(t, `${c}/benefits/deposit-applications/${applicationId}/fast-track`, {
    reason: 'housing-offer-lease-deadline',
    occurredAt: '2026-02-03T09:20:00+01:00',
  });
  await postFact(t, `${c}/benefits/deposit-applications/${applicationId}/decision`, {
    outcome: 'granted',
    occurredAt: '2026-02-04T08:45:00+01:00',
  });
  await postFact(t, `${c}/housing/offers/${offerId}/accept`, { occurredAt: '2026-02-05T10:00:00+01:00' });
  await postFact(t, `${c}/housing/offers/${offerId}/lease`, {
    leaseType: 'permanent',
    leaseStartsOn: '2026-02-11',
    occurredAt: '2026-02-10T11:00:00+01:00',
  });
  const { supportId } = await postFact(t, `${c}/support/courses`, {
    method: 'cti',
    providerUnitId: 'unit-cti-team-kobenhavn',
    decidedBeforeShelterDischarge: true,
    occurredAt: '2026-02-10T14:00:00+01:00',
  });
  await postFact(t, `${c}/housing/move-in`, { occurredAt: '2026-02-11T10:00:00+01:00' });
  await postFact(t, `${c}/support/courses/${supportId}/start`, { occurredAt: '2026-02-11T11:00:00+01:00' });
  await postFact(t, `${c}/shelter-stays/${stayId}/discharge`, {
    destination: 'own-home',
    planned: true,
    occurredAt: '2026-02-11T16:00:00+01:00',
  });
  // A prison stay pauses nothing here but is recorded; a late-reported situation.
  const prison = await postFact(t, `${c}/institution/prison-stays`, {
    institutionName: 'Vestre Fængsel',
    occurredAt: '2026-02-20T09:00:00+01:00',
  });
  await postFact(t, `${c}/institution/prison-stays/${prison.stayId}/release`, {
    occurredAt: '2026-02-25T09:00:00+01:00',
  });
  await postFact(t, `${c}/homelessness-situations`, {
    situation: 'street',
    occurredAt: '2026-01-10T23:00:00+01:00',
  });
  await postFact(t, `${c}/contacts/shelter-contact/unassign`, {});

  // A second record of the same person, made at a night shelter, linked; an open stay and an undecided application.
  const other = await registerCitizen(t, '2026-01-08T22:00:00+01:00');
  await postFact(t, `/citizens/${other}/shelter-stays`, {
    shelterId: 'shelter-hillerodgade',
    shelterName: 'Herberget Hillerødgade',
    municipalityOfStay: '101',
    referral: 'self-referred',
    occurredAt: '2026-02-20T22:00:00+01:00',
  });
  await postFact(t, `/citizens/${citizenId}/record-links`, { linkedCitizenId: other, reason: 'same person' });
  await postFact(t, `/citizens/${other}/benefits/deposit-applications`, {
    kind: 'beboerindskudslan',
    socialHousing: true,
    amountKr: 9800,
    decidingMunicipality: '101',
    leaseSigningDeadline: '2026-03-09',
    occurredAt: '2026-02-27T09:00:00+01:00',
  });
  // A v1 admission written by the code before the upcaster: the rebuild must decode it the same way.
  const old = await registerCitizen(t, '2026-01-02T09:00:00+01:00');
  await new PostgresEventStore(t.db.pool).append(
    `shelter-stays-${old}`,
    [
      {
        id: randomUUID(),
        type: 'ShelterAdmissionRecorded',
        schemaVersion: 1,
        data: {
          citizenId: old,
          stayId: randomUUID(),
          occurredAt: '2026-01-10T20:40:00.000Z',
          shelterId: 'shelter-forsorgshjemmet-roskilde',
          shelterName: 'Forsorgshjemmet Roskilde',
          municipalityOfStay: '265',
          handlekommune: '101',
          referral: 'self-referred',
          hasHomeButCannotUseIt: true,
        },
        metadata: { correlationId: 'rebuild-test' },
        occurredAt: new Date('2026-01-10T20:40:00.000Z'),
      },
    ],
    ExpectedVersion.noStream,
  );
  // MedCom: a provisional citizen from a STIN, then an AN_STIN that retracts it (the timeline row is marked, the
  // status stay removed), so a rebuild has to find the same retracted row again.
  for (const name of ['stin', 'an-stin']) {
    const bundle = readFileSync(join(__dirname, '..', 'fixtures', 'medcom', `${name}.json`), 'utf8');
    const res = await t.as('psychiatry', {
      method: 'POST',
      url: '/fhir/hospital-notifications',
      headers: { 'content-type': 'application/fhir+json' },
      payload: bundle,
    });
    if (res.statusCode !== 200) throw new Error(`MedCom ${name} answered ${res.statusCode}: ${res.body}`);
  }
}
