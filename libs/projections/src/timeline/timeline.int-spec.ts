import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { schemaVersionOf } from '@hf/domain';
import { CITIZEN, facts } from '@hf/domain/alerts/testing/fact-builders';
import { ExpectedVersion, PostgresEventStore } from '@hf/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ProjectionRunner } from '../projection-runner';
import { TimelineProjection } from './timeline.projection';

const silent = pino({ level: 'silent' });

/**
 * The timeline ties a stay's later events to the admitting shelter and marks a cancelled MedCom notice as
 * retracted from look-ups it keeps itself (migration 0016), not by searching the log: here each event is its own
 * batch, so every look-up crosses a batch boundary, and a rebuild in one batch must end with the same tables.
 */
describe('timeline look-ups across batches', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  const record = async (stream: string, event: { type: string; data: Record<string, unknown> }) => {
    const id = randomUUID();
    await store.append(
      `${stream}-${CITIZEN}`,
      [
        {
          id,
          type: event.type,
          schemaVersion: schemaVersionOf(event.type),
          data: event.data,
          metadata: { correlationId: `req-${id}`, unit: 'unit-test' },
          occurredAt: new Date(String(event.data.occurredAt)),
        },
      ],
      ExpectedVersion.any,
    );
    return id;
  };
  const snapshot = async () => {
    const hash = async (table: string) =>
      (
        await db.pool.query(
          `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${table} t`,
        )
      ).rows[0];
    return {
      entries: await hash('timeline_entries'),
      openers: await hash('timeline_openers'),
      admissions: await hash('timeline_admission_events'),
    };
  };

  it('finds the opener and the retracted notice in earlier batches, and a rebuild ends the same', async () => {
    await record('shelter-stays', facts.shelterAdmitted({ stayId: 'stay-9', shelterId: 'shelter-nine' }));
    const notified = await record('shelter-stays', facts.handlekommuneNotified('stay-9'));
    const admitted = await record('institution', facts.hospitalAdmitted('adm-9'));
    const other = await record('institution', facts.hospitalAdmitted('adm-10'));
    const admission = facts.hospitalAdmitted('adm-9').data;
    await record('institution', {
      type: 'HospitalNoticeCancelled',
      data: {
        citizenId: CITIZEN,
        occurredAt: '2026-02-20T10:00:00.000Z',
        admissionId: 'adm-9',
        kind: admission.kind,
        legalBasis: admission.legalBasis,
        medcomCode: 'AN_STIN',
        cancelledCode: 'STIN',
      },
    });

    const timeline = new TimelineProjection();
    const oneByOne = new ProjectionRunner(db.pool, store, [timeline], silent, {
      batchSize: 1,
      idleDelayMs: 10,
    });
    await oneByOne.catchUp(timeline);

    const row = async (eventId: string) =>
      (
        await db.pool.query<{ related_units: string[]; summary: string }>(
          'SELECT related_units, summary FROM timeline_entries WHERE event_id = $1',
          [eventId],
        )
      ).rows[0];
    expect((await row(notified)).related_units).toEqual(['shelter-nine']);
    expect((await row(admitted)).summary).toContain('[retracted: AN_STIN]');
    expect((await row(other)).summary).not.toContain('retracted');
    const live = await snapshot();
    expect(live.openers.n).toBe(1);
    expect(live.admissions.n).toBe(2);

    await oneByOne.reset(timeline);
    expect(await snapshot()).toEqual({
      entries: { n: 0, h: null },
      openers: { n: 0, h: null },
      admissions: { n: 0, h: null },
    });
    const allAtOnce = new ProjectionRunner(db.pool, store, [timeline], silent, {
      batchSize: 50,
      idleDelayMs: 10,
    });
    await allAtOnce.catchUp(timeline);
    expect(await snapshot()).toEqual(live);
  });
});
