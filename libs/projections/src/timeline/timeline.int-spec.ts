import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { schemaVersionOf } from '@hf/domain';
import { CITIZEN, facts } from '@hf/domain/alerts/testing/fact-builders';
import { ExpectedVersion, PostgresEventStore } from '@hf/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ProjectionRunner } from '../projection-runner';
import { StatisticsRefresh, TimelineProjection } from './timeline.projection';

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

  it('analyzes the openers as they grow, so that a batch looks its keys up in the index', async () => {
    const client = await db.pool.connect();
    try {
      // A copy nobody else analyzes (autovacuum skips temporary tables), with the planner's view at the start of a
      // rebuild: statistics taken while the table was empty.
      await client.query('CREATE TEMP TABLE openers (LIKE timeline_openers INCLUDING ALL)');
      await client.query('ANALYZE openers');
      await client.query(
        `INSERT INTO openers SELECT 'stay:' || n, 'shelter-' || n % 7 FROM generate_series(1, 100000) n`,
      );
      const keys = Array.from({ length: 200 }, (_, i) => `stay:${i * 97 + 1}`);
      const plan = async () =>
        JSON.stringify(
          (
            await client.query(
              'EXPLAIN (FORMAT JSON) SELECT opener, unit FROM openers WHERE opener = ANY($1::text[])',
              [keys],
            )
          ).rows[0],
        );
      const estimatedRows = async () =>
        (
          await client.query<{ reltuples: number }>(
            `SELECT reltuples FROM pg_class WHERE oid = 'openers'::regclass`,
          )
        ).rows[0].reltuples;
      expect(await plan()).toContain('Seq Scan');

      const refresh = new StatisticsRefresh('openers', 50000);
      await refresh.grew(client, 49999);
      expect(await estimatedRows()).toBeLessThan(1);
      await refresh.grew(client, 50001);
      expect(await estimatedRows()).toBe(100000);
      expect(await plan()).toContain('openers_pkey');
      expect(await plan()).not.toContain('Seq Scan');

      // The next ANALYZE waits until the table has doubled.
      await client.query(`INSERT INTO openers VALUES ('stay:x', 'shelter-x')`);
      await refresh.grew(client, 99999);
      expect(await estimatedRows()).toBe(100000);
      await refresh.grew(client, 1);
      expect(await estimatedRows()).toBe(100001);
    } finally {
      await client.query('DROP TABLE IF EXISTS openers');
      client.release();
    }
  });
});
