import { PrincipalRegistry } from '../../libs/access/src';
import { freePort, killAllStarted, RunningProcess, startProcess } from '../support/processes/child-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const API_ENTRY = 'apps/api/src/main.ts';
const WORKER_ENTRY = 'apps/worker/src/main.ts';

interface Replica {
  process: RunningProcess;
  url: string;
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** Date.now() when the answer arrived */
  at: number;
}

/**
 * Two API replicas (RUN_WORKER=false) and a worker, each a process of its own started from its real entry point,
 * on one database: whatever one replica did, the other knows, because all state is in PostgreSQL. And an API
 * replica stopped with SIGTERM under load answers what it accepted, writes nothing half, and exits 0.
 */
describe('api replicas on one database', () => {
  let db: TestDatabase;
  let apiKey: string;
  let a: Replica;
  let b: Replica;

  const startApi = async (name: string, drainMs: number): Promise<Replica> => {
    const port = await freePort();
    const process = startProcess(name, API_ENTRY, {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      HOST: '127.0.0.1',
      PORT: String(port),
      RUN_WORKER: 'false',
      DEMO_MODE: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '15000',
      SHUTDOWN_DRAIN_MS: String(drainMs),
      EVENT_STORE: 'postgres',
    });
    return { process, url: `http://127.0.0.1:${port}` };
  };

  const send = async (
    replica: Replica,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await fetch(replica.url + path, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.text(), at: Date.now() };
  };

  const eventCount = async () =>
    (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    const registry = new PrincipalRegistry(db.pool);
    await registry.upsertUnit({
      id: 'sa-101',
      type: 'social-authority',
      municipality: '101',
      name: 'sa-101',
    });
    const principalId = await registry.createPrincipal({
      kind: 'system',
      unitId: 'sa-101',
      displayName: 'sa',
    });
    apiKey = (await registry.issueApiKey(principalId)).apiKey;
    [a, b] = await Promise.all([startApi('api-a', 1500), startApi('api-b', 0)]);
    const worker = startProcess('worker', WORKER_ENTRY, {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      PROJECTION_POLL_MS: '20',
      LOG_LEVEL: 'info',
      EVENT_STORE: 'postgres',
    });
    await Promise.all([
      a.process.waitForLine(/API listening/, 60_000),
      b.process.waitForLine(/API listening/, 60_000),
      worker.waitForLine(/"worker running"/, 60_000),
    ]);
  }, 90_000);

  afterAll(async () => {
    await killAllStarted();
    await db?.drop();
  });

  it('replays at replica B the answer replica A gave to an Idempotency-Key, and appends nothing more', async () => {
    const request = { alias: 'Replika', handlekommune: '101', occurredAt: '2026-01-05T09:00:00Z' };
    const key = { 'idempotency-key': 'replicas-register-1' };
    const first = await send(a, 'POST', '/citizens', request, key);
    expect(first.status).toBe(201);
    const events = await eventCount();

    const again = await send(b, 'POST', '/citizens', request, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    expect(await eventCount()).toBe(events);

    // The same key with another request is refused at either replica: B knows what A stored.
    const other = await send(b, 'POST', '/citizens', { ...request, alias: 'Anden' }, key);
    expect(other.status).toBe(422);
  });

  it('a fact recorded at replica A is on the timeline read at replica B', async () => {
    const registered = await send(a, 'POST', '/citizens', {
      alias: 'Tidslinje',
      handlekommune: '101',
      occurredAt: '2026-01-05T09:00:00Z',
    });
    const { citizenId } = JSON.parse(registered.body) as { citizenId: string };
    const admitted = await send(a, 'POST', `/citizens/${citizenId}/shelter-stays`, {
      shelterId: 'shelter-kollegiet-sct-nicolai',
      shelterName: 'Kollegiet Sct. Nicolai',
      municipalityOfStay: '101',
      referral: 'self-referred',
      occurredAt: '2026-01-06T20:00:00Z',
    });
    expect(admitted.status).toBe(201);
    const deadline = Date.now() + 15_000;
    let timeline: Answer;
    do {
      timeline = await send(b, 'GET', `/citizens/${citizenId}/timeline`);
      if (timeline.status === 200 && timeline.body.includes('ShelterAdmissionRecorded')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toContain('ShelterAdmissionRecorded');
  });

  /**
   * Sends 40 registrations at once to a replica and SIGTERMs it as soon as it has started on one of them. Checks
   * what must hold with or without a drain period; returns the replica's first readiness answer other than 200 within a second of the signal (200 if none).
   */
  const stopUnderLoad = async (replica: Replica): Promise<number | string> => {
    const before = await eventCount();
    // Events one registration appends, to tell complete writes from half ones.
    const probe = await send(replica, 'POST', '/citizens', {
      alias: 'Måling',
      handlekommune: '101',
      occurredAt: '2026-01-05T09:00:00Z',
    });
    expect(probe.status).toBe(201);
    const perRegistration = (await eventCount()) - before;
    expect(perRegistration).toBeGreaterThan(0);
    const start = await eventCount();

    const incoming = () => replica.process.lines.filter((line) => line.includes('incoming request')).length;
    const accepted = incoming();
    const requests = Array.from({ length: 40 }, (_, i) =>
      send(replica, 'POST', '/citizens', {
        alias: `Belastning ${i}`,
        handlekommune: '101',
        occurredAt: '2026-01-05T09:00:00Z',
      }).then(
        (answer) => ({ answer }),
        (error: Error & { cause?: { code?: string } }) => ({ error: error.cause?.code ?? error.message }),
      ),
    );
    // Signal as soon as the replica has started on the first of them, so that others are still in flight.
    const deadline = Date.now() + 10_000;
    while (incoming() <= accepted && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 1));
    const signalledAt = Date.now();
    replica.process.kill('SIGTERM');
    // The signal reaches the replica's event loop a moment later than kill() returns: a probe sent at once may
    // still be answered 200. A load balancer probes again; so does this, for up to a second.
    const probeReadiness = () =>
      fetch(`${replica.url}/health/ready`).then(
        (res) => res.status,
        () => 'no answer',
      );
    let readiness = await probeReadiness();
    for (const until = Date.now() + 1_000; readiness === 200 && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      readiness = await probeReadiness();
    }
    const outcomes = await Promise.all(requests);
    const exit = await replica.process.exited;

    const answered = outcomes.flatMap((o) => ('answer' in o ? [o.answer] : []));
    const created = answered.filter((x) => x.status === 201);
    const drained = created.filter((x) => x.at > signalledAt);
    const refused = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
    process.stdout.write(
      `api SIGTERM under load (${replica.process.name}): ${created.length} created (${drained.length} answered ` +
        `after the signal), ${answered.length - created.length} answered 503, ${refused.length} never read ` +
        `(${[...new Set(refused)].join(',')}); exit ${exit.code}\n`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    expect(replica.process.lines.some((line) => line.includes('"shut down cleanly"'))).toBe(true);
    // Requests the replica had accepted were answered (201, or 503 once it was closing), never cut off.
    expect(answered.map((x) => x.status).filter((status) => status !== 201 && status !== 503)).toEqual([]);
    // Requests without an answer are those the replica never read: refused by the closed listener, or sent on an
    // idle keep-alive connection just as the server closed it (a race of HTTP keep-alive itself, which is why
    // writes carry an Idempotency-Key and clients retry them). The count below proves none of them was stored.
    expect(
      refused.filter((code) => !['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code)),
    ).toEqual([]);
    expect(drained.length).toBeGreaterThan(0);
    // Every answered registration is stored whole, and nothing was stored without an answer.
    expect((await eventCount()) - start).toBe(created.length * perRegistration);
    for (const res of created) {
      const { citizenId } = JSON.parse(res.body) as { citizenId: string };
      const { rows } = await db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM events WHERE data->>'citizenId' = $1",
        [citizenId],
      );
      expect(rows[0].n).toBe(perRegistration);
    }
    return readiness;
  };

  it('SIGTERM under load with a drain period: replica A turns unready, answers everything, exits 0', async () => {
    // While it drains, replica A already tells load balancers to stop routing to it.
    expect(await stopUnderLoad(a)).toBe(503);
    // Replica B never noticed.
    expect((await send(b, 'GET', '/health/ready')).status).toBe(200);
  }, 60_000);

  it('SIGTERM under load without a drain period: replica B answers what it had started, exits 0', async () => {
    await stopUnderLoad(b);
  }, 60_000);
});
