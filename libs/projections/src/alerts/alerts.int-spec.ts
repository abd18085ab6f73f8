import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { PoolClient } from 'pg';
import { portOnly } from '../../../../test/support/port-only-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { schemaVersionOf } from '@hf/domain';
import { alertIdFor } from './alert-store';
import { alertIdSeed, type FactEvent } from '@hf/domain/alerts';
import { CITIZEN, facts } from '@hf/domain/alerts/testing/fact-builders';
import { EventStore, ExpectedVersion, PostgresEventStore, RecordedEvent } from '@hf/event-store';
import { ProjectionRunner } from '../projection-runner';
import { Projection } from '../projection';
import { AlertEngineProjection } from './alert-engine.projection';
import { AlertTimerPoller } from './alert-timers';
import { AlertsInboxProjection } from './alerts-inbox.projection';

const silent = pino({ level: 'silent' });

/** A clock the test moves by hand (Monday 2 March 2026, 11:00 in Copenhagen to begin with). */
class TestClock {
  constructor(public current = new Date('2026-03-02T10:00:00Z')) {}
  now = () => this.current;
  set(iso: string) {
    this.current = new Date(iso);
  }
}

/** Wraps the engine and can be told to crash after the engine applied its batch (before the checkpoint moves). */
class CrashingAfter implements Projection {
  crash = false;
  constructor(readonly inner: Projection) {}
  get name() {
    return this.inner.name;
  }
  async apply(tx: PoolClient, events: readonly RecordedEvent[]) {
    await this.inner.apply(tx, events);
    if (this.crash) throw new Error('worker died mid-batch');
  }
  reset(tx: PoolClient) {
    return this.inner.reset(tx);
  }
}

describe('alert engine, durable timers and inbox (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let clock: TestClock;
  let engine: AlertEngineProjection;
  let inbox: AlertsInboxProjection;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    clock = new TestClock();
    engine = new AlertEngineProjection(store, clock, silent);
    inbox = new AlertsInboxProjection();
    runner = new ProjectionRunner(db.pool, store, [engine, inbox], silent, {
      batchSize: 50,
      idleDelayMs: 10,
    });
  });
  afterEach(() => db.drop());

  const record = async (event: FactEvent, stream = 'facts') => {
    const id = randomUUID();
    await store.append(
      `${stream}-${CITIZEN}`,
      [
        {
          id,
          type: event.type,
          schemaVersion: schemaVersionOf(event.type),
          data: event.data,
          metadata: { correlationId: `req-${id}` },
          occurredAt: new Date(event.data.occurredAt),
        },
      ],
      ExpectedVersion.any,
    );
    return id;
  };
  const alertEvents = async () =>
    (
      await db.pool.query<{
        type: string;
        stream_id: string;
        event_id: string;
        metadata: Record<string, unknown>;
      }>(
        "SELECT type, stream_id, event_id, metadata FROM events WHERE stream_id LIKE 'alert-%' ORDER BY global_position",
      )
    ).rows;
  const types = async () => (await alertEvents()).map((r) => r.type);
  const timers = async () =>
    (await db.pool.query('SELECT kind, due_at, fired_at FROM timers ORDER BY due_at, kind')).rows;
  const poller = () => new AlertTimerPoller(db.pool, store, clock, silent, { idleDelayMs: 10 });

  it('raises an alert with a derived id, the timers of its plan, and the facts it cites', async () => {
    await record(facts.registered('101'), 'citizen');
    const admission = await record(facts.shelterAdmitted({ handlekommune: '147' }), 'shelter-stays');
    await runner.catchUp(engine);

    const rows = await alertEvents();
    expect(rows.map((r) => r.type)).toEqual(['AlertRaised']);
    const alertId = alertIdFor(alertIdSeed('A2', admission));
    expect(rows[0].stream_id).toBe(`alert-${alertId}`);
    expect(rows[0].event_id).toBe(alertIdFor(`${alertId}|raised`));
    expect(rows[0].metadata).toMatchObject({
      correlationId: `req-${admission}`,
      causationId: admission,
      principal: 'alert-engine',
    });
    // A2's escalation and expiry, and A5's deferred refund-clock check (at the limit minus 30 days)
    expect((await timers()).map((t) => t.kind)).toEqual(['escalate', 'expire', 'raise']);
    const facts_ = await db.pool.query('SELECT facts FROM alert_facts WHERE citizen_id = $1', [CITIZEN]);
    expect(facts_.rows[0].facts).toMatchObject({
      handlekommune: '101',
      shelterStay: { stayId: 'stay-1', notified: false },
    });
  });

  it('a batch that crashes rolls back its alerts and timers; the retry raises each alert once', async () => {
    const crashing = new CrashingAfter(engine);
    const crashRunner = new ProjectionRunner(db.pool, store, [crashing], silent, {
      batchSize: 50,
      idleDelayMs: 10,
    });
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await record(facts.dischargePlanned(), 'institution');
    crashing.crash = true;
    await expect(crashRunner.runBatch(crashing)).rejects.toThrow('worker died mid-batch');
    expect(await types()).toEqual([]);
    expect(await timers()).toEqual([]);

    crashing.crash = false;
    await crashRunner.catchUp(crashing);
    expect((await types()).sort()).toEqual(['AlertRaised', 'AlertRaised']);
    const timersAfter = await timers();

    // Re-evaluating the whole log (a reset) raises nothing new and schedules nothing new.
    await crashRunner.reset(crashing);
    await crashRunner.catchUp(crashing);
    expect((await types()).sort()).toEqual(['AlertRaised', 'AlertRaised']);
    expect(await timers()).toEqual(timersAfter);
  });

  it('resolves an alert when the fact it waits for arrives, and its deadline timer then fires as a no-op', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await runner.catchUp(engine);
    await record(facts.handlekommuneNotified('stay-1'), 'shelter-stays');
    await runner.catchUp(engine);
    expect(await types()).toEqual(['AlertRaised', 'AlertResolved']);

    clock.set('2026-03-06T00:00:00Z');
    expect(await poller().fireDue()).toBe(1);
    expect(await types()).toEqual(['AlertRaised', 'AlertResolved']);
    expect((await timers()).map((t) => [t.kind, t.fired_at !== null])).toEqual([
      ['escalate', true],
      ['expire', false],
      ['raise', false], // A5's refund-clock check, months away
    ]);
  });

  it('sees its own alerts within a batch: one that raises and then resolves an alert indexes it closed', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await record(facts.handlekommuneNotified('stay-1'), 'shelter-stays');
    expect(await runner.runBatch(engine)).toBe(3);
    expect(await types()).toEqual(['AlertRaised', 'AlertResolved']);
    const index = async () =>
      (await db.pool.query('SELECT rule_id, closed FROM alert_engine_alerts ORDER BY rule_id')).rows;
    expect(await index()).toEqual([{ rule_id: 'A2', closed: true }]);

    // After a reset the whole log, its alert events included, is one batch again: nothing is appended twice and
    // the index is rebuilt from the alert events in the feed.
    await runner.reset(engine);
    await runner.catchUp(engine);
    expect(await types()).toEqual(['AlertRaised', 'AlertResolved']);
    expect(await index()).toEqual([{ rule_id: 'A2', closed: true }]);
  });

  it('fires a due timer exactly once, even with two pollers racing', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await runner.catchUp(engine);

    const [first, second] = [poller(), poller()];
    expect(await first.fireDue()).toBe(0); // not due yet
    clock.set('2026-03-05T23:00:00Z');
    const fired = await Promise.all([first.fireDue(), second.fireDue(), first.fireDue()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
    clock.set('2026-03-07T00:00:00Z');
    expect(await second.fireDue()).toBe(0);
    expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
  });

  it('survives a restart: a stopped poller leaves due timers for the next one, which fires them once', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    runner.start();
    const deadline = Date.now() + 5000;
    while ((await types()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();

    const before = poller();
    before.start();
    await new Promise((r) => setTimeout(r, 50));
    await before.stop(); // the worker goes down before the deadline
    clock.set('2026-03-06T08:00:00Z'); // ... and comes back after it

    const after = poller();
    after.start();
    while ((await types()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await after.stop();
    const restarted = poller();
    restarted.start();
    await new Promise((r) => setTimeout(r, 100));
    await restarted.stop();
    expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
  });

  it('a timer whose firing fails is rolled back, retried later, and then fires once', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await runner.catchUp(engine);
    clock.set('2026-03-06T00:00:00Z');
    let failures = 1;
    const flaky = new (class extends PostgresEventStore {
      override appendWithin(...args: Parameters<PostgresEventStore['appendWithin']>) {
        if (failures-- > 0) throw new Error('connection lost');
        return super.appendWithin(...args);
      }
    })(db.pool);
    const flakyPoller = new AlertTimerPoller(db.pool, flaky, clock, silent, { idleDelayMs: 10 });
    expect(await flakyPoller.fireOne()).toBe('failed');
    expect(await types()).toEqual(['AlertRaised']);
    const failed = await db.pool.query(
      "SELECT attempts, last_error, fired_at FROM timers WHERE kind = 'escalate'",
    );
    expect(failed.rows[0]).toEqual({ attempts: 1, last_error: 'Error', fired_at: null });
    expect(await flakyPoller.fireOne()).toBe('none'); // backing off
    await db.pool.query('UPDATE timers SET retry_at = now() WHERE kind = $1', ['escalate']);
    expect(await flakyPoller.fireOne()).toBe('fired');
    expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
  });

  it('a deferred rule raises by timer, with the id the engine would have used', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.prisonIntake('prison-1'), 'institution');
    const scheduled = await record(facts.releaseScheduled('prison-1', '2026-05-15'), 'institution');
    await runner.catchUp(engine);
    expect(await types()).toEqual([]);
    expect((await timers()).map((t) => t.kind)).toEqual(['raise']);

    clock.set('2026-04-17T06:00:00Z');
    expect(await poller().fireDue()).toBe(1);
    const rows = await alertEvents();
    expect(rows.map((r) => r.type)).toEqual(['AlertRaised']);
    expect(rows[0].stream_id).toBe(`alert-${alertIdFor(alertIdSeed('A9', scheduled))}`);
    // The engine re-evaluating the same fact (a reset) finds the alert raised and raises nothing.
    await runner.reset(engine);
    await runner.catchUp(engine);
    expect(await types()).toEqual(['AlertRaised']);
  });

  it('a person acknowledging between the engine reading and writing costs a retry, never a lost update', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted(), 'shelter-stays');
    await runner.catchUp(engine);
    const [{ stream_id }] = await alertEvents();
    const alertId = stream_id.slice('alert-'.length);
    await record(facts.handlekommuneNotified('stay-1'), 'shelter-stays');
    // The ack commits while the engine's batch is between reading the alert's stream and appending.
    const blocker = await db.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT version FROM streams WHERE stream_id = $1 FOR UPDATE', [stream_id]);
    const batch = runner.runBatch(engine);
    // Wait until the engine's append is blocked on the stream's row lock.
    for (let waited = 0; waited < 10_000; waited += 20) {
      const { rows } = await db.pool.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await store.appendWithin(
      blocker,
      stream_id,
      [
        {
          id: randomUUID(),
          type: 'AlertAcknowledged',
          schemaVersion: 1,
          data: {
            citizenId: CITIZEN,
            occurredAt: clock.current.toISOString(),
            alertId,
            ruleId: 'A2',
            category: 'shelter',
            by: { unitType: 'shelter', unitId: null },
            via: 'inbox',
          },
          metadata: { correlationId: 'person' },
          occurredAt: clock.current,
        },
      ],
      ExpectedVersion.exact(1),
    );
    await blocker.query('COMMIT');
    blocker.release();
    await expect(batch).rejects.toThrow('changed concurrently');
    await runner.catchUp(engine);
    expect(await types()).toEqual(['AlertRaised', 'AlertAcknowledged', 'AlertResolved']);
  });

  it('keeps the inbox in step with the alert events and rebuilds it to the same rows', async () => {
    await record(facts.registered('101'), 'citizen');
    await record(facts.shelterAdmitted({ handlekommune: '147' }), 'shelter-stays');
    await record(facts.dischargePlanned(), 'institution');
    await runner.catchUp(engine);
    clock.set('2026-03-06T00:00:00Z');
    await poller().fireDue();
    await runner.catchUp(inbox);

    const { rows } = await db.pool.query(
      'SELECT rule_id, status, severity, recipients FROM alerts_inbox ORDER BY rule_id',
    );
    expect(rows).toEqual([
      {
        rule_id: 'A1',
        status: 'escalated',
        severity: 'critical',
        recipients: [{ unitType: 'social-authority', municipality: '101' }],
      },
      {
        rule_id: 'A2',
        status: 'escalated',
        severity: 'high',
        recipients: [
          { unitType: 'shelter', unitId: 'shelter-kollegiet-sct-nicolai', municipality: '101' },
          { unitType: 'social-authority', municipality: '147' },
        ],
      },
    ]);
    const snapshot = `SELECT md5(string_agg(a::text, '|' ORDER BY alert_id)) AS hash FROM alerts_inbox a`;
    const live = (await db.pool.query(snapshot)).rows[0].hash;
    await runner.reset(inbox);
    await runner.catchUp(inbox);
    expect((await db.pool.query(snapshot)).rows[0].hash).toBe(live);
  });

  /**
   * A store that cannot join the engine's PostgreSQL transaction (EventStoreDB/KurrentDB), played by the PostgreSQL
   * adapter seen only through the port: alert events are on record before the checkpoint or the timer's fired mark
   * commits, so a crash in between must be repaired by the re-run without raising anything twice.
   */
  describe('with an event store outside the PostgreSQL transaction', () => {
    let external: EventStore;
    beforeEach(() => {
      external = portOnly(store);
    });

    it('a batch that crashes after appending raises each alert once on the re-run, with its timers', async () => {
      const crashing = new CrashingAfter(new AlertEngineProjection(external, clock, silent));
      const crashRunner = new ProjectionRunner(db.pool, external, [crashing], silent, {
        batchSize: 50,
        idleDelayMs: 10,
      });
      await record(facts.registered('101'), 'citizen');
      await record(facts.shelterAdmitted(), 'shelter-stays');
      await record(facts.dischargePlanned(), 'institution');
      crashing.crash = true;
      await expect(crashRunner.runBatch(crashing)).rejects.toThrow('worker died mid-batch');
      // The alerts are on record, the PostgreSQL side (timers, index, checkpoint) is not.
      expect((await types()).sort()).toEqual(['AlertRaised', 'AlertRaised']);
      expect(await timers()).toEqual([]);

      crashing.crash = false;
      await crashRunner.catchUp(crashing);
      expect((await types()).sort()).toEqual(['AlertRaised', 'AlertRaised']);
      const { rows: indexed } = await db.pool.query(
        'SELECT rule_id, closed FROM alert_engine_alerts ORDER BY rule_id',
      );
      expect(indexed).toEqual([
        { rule_id: 'A1', closed: false },
        { rule_id: 'A2', closed: false },
      ]);
      const timersAfter = await timers();
      expect(timersAfter.map((t) => t.kind)).toEqual(expect.arrayContaining(['escalate', 'expire']));

      await crashRunner.reset(crashing);
      await crashRunner.catchUp(crashing);
      expect((await types()).sort()).toEqual(['AlertRaised', 'AlertRaised']);
      expect(await timers()).toEqual(timersAfter);
    });

    it('a timer that crashes after its append and before its fired mark fires once on the retry', async () => {
      await record(facts.registered('101'), 'citizen');
      await record(facts.shelterAdmitted(), 'shelter-stays');
      const externalEngine = new AlertEngineProjection(external, clock, silent);
      const externalRunner = new ProjectionRunner(db.pool, external, [externalEngine], silent, {
        batchSize: 50,
        idleDelayMs: 10,
      });
      await externalRunner.catchUp(externalEngine);
      expect(await types()).toEqual(['AlertRaised']);
      clock.set('2026-03-06T00:00:00Z');
      let crashes = 1;
      const crashingAfterAppend: EventStore = {
        ...external,
        append: async (...args) => {
          const result = await external.append(...args);
          if (crashes-- > 0) throw new Error('process died after the append');
          return result;
        },
      };
      const crashingPoller = new AlertTimerPoller(db.pool, crashingAfterAppend, clock, silent, {
        idleDelayMs: 10,
      });
      expect(await crashingPoller.fireOne()).toBe('failed');
      expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
      const unfired = await db.pool.query("SELECT fired_at FROM timers WHERE kind = 'escalate'");
      expect(unfired.rows).toEqual([{ fired_at: null }]);

      await db.pool.query("UPDATE timers SET retry_at = now() WHERE kind = 'escalate'");
      expect(await crashingPoller.fireOne()).toBe('fired');
      expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
      clock.set('2026-03-07T00:00:00Z');
      await crashingPoller.fireDue();
      expect(await types()).toEqual(['AlertRaised', 'AlertEscalated']);
    });
  });
});
