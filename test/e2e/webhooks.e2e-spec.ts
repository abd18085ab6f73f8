import { createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import pino from 'pino';
import { Pool } from 'pg';
import { WebhookDispatcher } from '../../apps/worker/src/webhooks/webhook-dispatcher';
import { WebhooksWorker } from '../../apps/worker/src/webhooks/webhooks-worker.service';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src';
import { APP_CONFIG, type AppConfig } from '../../libs/platform/src';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * Webhooks and the feed end to end, against a REAL local HTTP receiver that verifies every signature with the
 * standardwebhooks library, dedupes by webhook-id and records the order of what it was sent. Time is the test
 * clock: retries fall due when the test moves it, never by waiting.
 */
const START = new Date('2026-03-02T10:00:00Z');
const SHELTER = 'test-shelter';
const PURPOSE = 'housing-first-coordination';

interface Received {
  path: string;
  webhookId: string;
  status: number;
  type: string;
  subject: string;
  data: { alertId?: string; ruleId?: string; severity?: string; eventId: string; links: { self: string } };
  /** the signature header verified against each secret the test knows for the path */
  verifiedWith: string[];
}

/** A receiver: per path, the secrets it knows and the status it answers. Every request is recorded. */
class Receiver {
  readonly requests: Received[] = [];
  readonly secrets = new Map<string, string[]>();
  readonly answer = new Map<string, number>();
  readonly hang = new Set<string>();
  private readonly hung: ServerResponse[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.hung.forEach((res) => res.writeHead(204).end());
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** deliveries accepted (2xx) at a path, one per webhook-id (a redelivery is deduped away) */
  delivered(path: string): Received[] {
    const seen = new Set<string>();
    return this.requests.filter((r) => {
      if (r.path !== path || r.status >= 300 || seen.has(r.webhookId)) return false;
      seen.add(r.webhookId);
      return true;
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const headers = {
      'webhook-id': String(req.headers['webhook-id']),
      'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']),
    };
    const verifiedWith = (this.secrets.get(path) ?? []).filter((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    // An unsigned or badly signed request is refused like a real receiver would, and recorded as such.
    // a receiver that never answers (until the test ends): the dispatcher's timeout must give up on it
    if (this.hang.has(path)) {
      this.hung.push(res);
      return;
    }
    const status = verifiedWith.length === 0 ? 401 : (this.answer.get(path) ?? 204);
    const event = JSON.parse(body) as { type: string; subject: string; data: Received['data'] };
    this.requests.push({
      path,
      webhookId: headers['webhook-id'],
      status,
      type: event.type,
      subject: event.subject,
      data: event.data,
      verifiedWith,
    });
    res.writeHead(status).end();
  }
}

describe('webhooks and feed', () => {
  let t: TestApp;
  let now = START;
  const receiver = new Receiver();
  const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      clock: { now: () => now },
      // four retries (5 s, 1 min, 5 min, 30 min) so a dead letter takes a few clock moves; a short request timeout
      webhooks: { retryScheduleSeconds: [5, 60, 300, 1800], timeoutMs: 500 },
    });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await receiver.stop();
  });

  const as = async <T = Record<string, unknown>>(
    unit: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.as(unit, {
      method,
      url,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : {}) as T };
  };

  const subscribe = async (unit: string, path: string, body: Record<string, unknown> = {}) => {
    const res = await as<{ subscriptionId: string; secret: string }>(unit, 'POST', '/webhook-subscriptions', {
      url: `${receiver.url}${path}`,
      ...body,
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    receiver.secrets.set(path, [res.body.secret]);
    return res.body.subscriptionId;
  };

  const citizen = async () => {
    const res = await as<{ citizenId: string }>('social-authority', 'POST', '/citizens', {
      alias: 'Modtager Ølbysen',
      handlekommune: '101',
      occurredAt: now.toISOString(),
    });
    return res.body.citizenId;
  };

  /** a psychiatric discharge planned to the shelter for a citizen with no home: raises A1 */
  const psychiatricDischarge = async (citizenId: string) => {
    const admission = await as<{ admissionId: string }>(
      'psychiatry',
      'POST',
      `/citizens/${citizenId}/institution/hospital-admissions`,
      { kind: 'psychiatric', hospitalName: 'Psykiatrisk Center København', occurredAt: now.toISOString() },
    );
    expect(admission.status).toBe(201);
    const planned = await as(
      'psychiatry',
      'POST',
      `/citizens/${citizenId}/institution/hospital-admissions/${admission.body.admissionId}/discharge-planned`,
      {
        expectedDate: '2026-03-03',
        destination: SHELTER,
        housingStatus: 'no-home',
        medicationNeeds: 'none',
        occurredAt: now.toISOString(),
      },
    );
    expect(planned.status).toBe(201);
    return admission.body.admissionId;
  };

  const deliveries = async (unit: string, subscriptionId: string) =>
    (
      await as<{
        deliveries: { itemId: string; webhookId: string; status: string; attempts: number; type: string }[];
      }>(unit, 'GET', `/webhook-subscriptions/${subscriptionId}/deliveries`)
    ).body.deliveries;

  const inbox = async (citizenId: string) =>
    (
      await as<{ alerts: { alertId: string; ruleId: string; status: string }[] }>(
        'social-authority',
        'GET',
        `/alerts?citizenId=${citizenId}&status=all`,
      )
    ).body.alerts;

  let shelterSubscription: string;
  let doneWhenCitizen: string;

  it('refuses bad subscriptions and changes nothing', async () => {
    for (const body of [
      { url: 'http://hooks.example.dk/x' },
      { url: 'https://10.0.0.5/x' },
      { url: 'https://hooks.example.dk/x', eventTypes: ['NoSuchEvent'] },
      { url: 'https://hooks.example.dk/x', alertRules: ['A99'] },
    ]) {
      const res = await t.as('shelter', {
        method: 'POST',
        url: '/webhook-subscriptions',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const keyed = await as(
      'shelter',
      'POST',
      '/webhook-subscriptions',
      { url: `${receiver.url}/x` },
      {
        'idempotency-key': 'k-1',
      },
    );
    expect(keyed.status).toBe(400);
    expect(
      (await as<{ subscriptions: unknown[] }>('shelter', 'GET', '/webhook-subscriptions')).body.subscriptions,
    ).toEqual([]);
  });

  it('done-when: a psychiatric discharge into homelessness reaches the named shelter signed, and A1 the social authority', async () => {
    shelterSubscription = await subscribe(SHELTER, '/shelter');
    await subscribe('social-authority', '/sa', { alertRules: ['A1'] });
    // another unit neither lists nor reaches the shelter's subscription
    expect(
      (await as<{ subscriptions: unknown[] }>('jobcentre', 'GET', '/webhook-subscriptions')).body
        .subscriptions,
    ).toEqual([]);
    expect(
      (await as('jobcentre', 'GET', `/webhook-subscriptions/${shelterSubscription}/deliveries`)).status,
    ).toBe(404);

    doneWhenCitizen = await citizen();
    const admissionId = await psychiatricDischarge(doneWhenCitizen);

    const raised = await eventually(
      async () => receiver.delivered('/shelter').filter((r) => r.subject === doneWhenCitizen),
      (r) => r.length > 0,
    );
    expect(raised[0]).toMatchObject({ type: 'dk.housingfirst.alert.raised', subject: doneWhenCitizen });
    expect(raised[0].data).toMatchObject({
      ruleId: 'A1',
      links: { self: expect.stringMatching(/^\/alerts\?/) },
    });
    expect(raised[0].verifiedWith).toHaveLength(1);
    // thin: ids, rule, severity and a link; no reason, ward or medication
    expect(Object.keys(raised[0].data).sort()).toEqual([
      'alertId',
      'eventId',
      'eventType',
      'links',
      'ruleId',
      'severity',
    ]);
    expect(JSON.stringify(receiver.requests)).not.toMatch(/Psykiatrisk|Ølbysen|no-home/);

    const alerts = await eventually(
      () => inbox(doneWhenCitizen),
      (a) => a.some((x) => x.ruleId === 'A1'),
    );
    const a1 = alerts.find((x) => x.ruleId === 'A1')!;
    expect(raised[0].data.alertId).toBe(a1.alertId);
    await eventually(
      async () => receiver.delivered('/sa').filter((r) => r.subject === doneWhenCitizen),
      (r) => r.length > 0,
    );

    // The shelter acknowledges the notice: the handover A1 waits for, so the alert is resolved (docs/ALERTS.md).
    const ack = await as(
      'shelter',
      'POST',
      `/citizens/${doneWhenCitizen}/institution/notices/${admissionId}/acknowledge`,
      {},
    );
    expect(ack.status).toBe(201);
    const after = await eventually(
      () => inbox(doneWhenCitizen),
      (a) => a.find((x) => x.ruleId === 'A1')?.status === 'resolved',
    );
    expect(after.find((x) => x.ruleId === 'A1')?.status).toBe('resolved');
    const resolved = await eventually(
      async () => receiver.delivered('/shelter').filter((r) => r.subject === doneWhenCitizen),
      (r) => r.some((x) => x.type === 'dk.housingfirst.alert.resolved'),
    );
    expect(resolved.map((r) => r.type)).toEqual([
      'dk.housingfirst.alert.raised',
      'dk.housingfirst.alert.resolved',
    ]);
    // a delivery of citizen data is a read by the receiving unit
    const audit = await t.db.pool.query(
      `SELECT unit FROM read_audit_log WHERE citizen_id = $1 AND action = 'webhook-delivery'`,
      [doneWhenCitizen],
    );
    expect(audit.rows.map((r: { unit: string }) => r.unit)).toContain(SHELTER);
  });

  it('retries through a receiver outage with the test clock: everything arrives once per webhook-id, in order per citizen', async () => {
    const flaky = await subscribe('social-authority', '/flaky');
    receiver.answer.set('/flaky', 503);
    // a second worker's dispatcher on a pool of its own shares the queue: no delivery may be claimed twice
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const secondPool = new Pool({ connectionString: t.db.url, max: 3 });
    const second = new WebhookDispatcher(
      secondPool,
      t.app.get<EventStore>(EVENT_STORE),
      config.webhooks,
      config.masterKey,
      { now: () => now },
      pino({ level: 'silent' }),
      20,
    );
    second.start();
    const citizens = [await citizen(), await citizen(), await citizen()];
    for (const c of citizens) await psychiatricDischarge(c);
    // each citizen's A1 has been tried and refused
    await eventually(
      () => deliveries('social-authority', flaky),
      (d) => d.filter((x) => x.attempts > 0).length >= 3,
    );
    // the social authority acknowledges each alert: a second item per citizen, queued behind the first
    for (const c of citizens) {
      const a1 = (
        await eventually(
          () => inbox(c),
          (a) => a.some((x) => x.ruleId === 'A1'),
        )
      ).find((x) => x.ruleId === 'A1')!;
      expect((await as('social-authority', 'POST', `/alerts/${a1.alertId}/acknowledge`, {})).status).toBe(
        201,
      );
    }
    await eventually(
      () => deliveries('social-authority', flaky),
      (d) => d.length >= 6,
    );
    // two more failed rounds as the clock moves past the retry delays
    for (let round = 0; round < 2; round++) {
      const attemptsBefore = receiver.requests.filter((r) => r.path === '/flaky').length;
      later(10);
      await eventually(
        async () => receiver.requests.filter((r) => r.path === '/flaky').length,
        (n) => n >= attemptsBefore + 3,
      );
    }
    // three attempts per queued first item (the first, then one per round), none twice in a round, none of the
    // second items yet: two dispatchers never claimed the same delivery and the order rule held them back
    const tried = receiver.requests.filter((r) => r.path === '/flaky');
    expect(tried.every((r) => r.type === 'dk.housingfirst.alert.raised')).toBe(true);
    const perId = new Map<string, number>();
    for (const r of tried) perId.set(r.webhookId, (perId.get(r.webhookId) ?? 0) + 1);
    expect([...perId.values()]).toEqual([3, 3, 3]);
    receiver.answer.delete('/flaky');
    later(60);
    const log = await eventually(
      () => deliveries('social-authority', flaky),
      (d) => d.every((x) => x.status === 'delivered'),
    );
    await second.stop();
    await secondPool.end();
    expect(log.every((x) => x.status === 'delivered')).toBe(true);
    const received = receiver.delivered('/flaky');
    // nothing lost, nothing extra: exactly the delivery log, each webhook-id accepted once
    expect(received.map((r) => r.webhookId).sort()).toEqual(log.map((d) => d.webhookId).sort());
    const accepted = receiver.requests.filter((r) => r.path === '/flaky' && r.status < 300);
    expect(new Set(accepted.map((r) => r.webhookId)).size).toBe(accepted.length);
    expect(
      receiver.requests.filter((r) => r.path === '/flaky').every((r) => r.verifiedWith.length === 1),
    ).toBe(true);
    // in order per citizen: no item was even tried before the citizen's earlier item was accepted
    for (const c of citizens) {
      const attempts = receiver.requests.filter((r) => r.path === '/flaky' && r.subject === c);
      const firstAck = attempts.findIndex((r) => r.type === 'dk.housingfirst.alert.acknowledged');
      const raisedOk = attempts.findIndex((r) => r.type === 'dk.housingfirst.alert.raised' && r.status < 300);
      expect(raisedOk).toBeGreaterThanOrEqual(0);
      expect(firstAck).toBeGreaterThan(raisedOk);
      expect(attempts.slice(0, raisedOk).every((r) => r.type === 'dk.housingfirst.alert.raised')).toBe(true);
    }
  });

  it('a 410 disables the subscription and nothing more is sent to it', async () => {
    const gone = await subscribe('social-authority', '/gone', { alertRules: ['A1'] });
    receiver.answer.set('/gone', 410);
    const first = await citizen();
    await psychiatricDischarge(first);
    const subscriptions = () =>
      as<{ subscriptions: { subscriptionId: string; status: string; disabledReason: string | null }[] }>(
        'social-authority',
        'GET',
        '/webhook-subscriptions',
      ).then((r) => r.body.subscriptions.find((s) => s.subscriptionId === gone)!);
    expect(await eventually(subscriptions, (s) => s.status === 'disabled')).toMatchObject({
      status: 'disabled',
      disabledReason: 'receiver-answered-410',
    });
    const second = await citizen();
    await psychiatricDischarge(second);
    // the social authority's live subscription gets the second A1; the disabled one is never tried again
    await eventually(
      async () => receiver.delivered('/sa').filter((r) => r.subject === second),
      (r) => r.length > 0,
    );
    later(60);
    await eventually(
      async () => receiver.delivered('/sa').filter((r) => r.subject === second),
      (r) => r.length > 0,
    );
    expect(receiver.requests.filter((r) => r.path === '/gone')).toHaveLength(1);
  });

  it('dead-letters after the last retry; replay re-delivers with the same webhook-id', async () => {
    const dead = await subscribe('social-authority', '/dead', { alertRules: ['A1'] });
    receiver.answer.set('/dead', 500);
    const c = await citizen();
    await psychiatricDischarge(c);
    // five attempts: the first, then four retries; 40 minutes covers the longest delay (30 min + 20 % jitter)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await eventually(
        async () => receiver.requests.filter((r) => r.path === '/dead').length,
        (n) => n >= attempt,
      );
      if (attempt < 5) later(40);
    }
    // the first item is the raised A1 (an escalation may queue behind it; it is not this test's subject)
    const log = await eventually(
      () => deliveries('social-authority', dead),
      (d) => d[0]?.status === 'dead',
    );
    expect(log[0]).toMatchObject({ status: 'dead', attempts: 5, type: 'dk.housingfirst.alert.raised' });
    expect(receiver.requests.filter((r) => r.webhookId === log[0].webhookId)).toHaveLength(5);

    receiver.answer.delete('/dead');
    const replay = await as<{ requeued: number }>(
      'social-authority',
      'POST',
      `/webhook-subscriptions/${dead}/replay`,
      {},
    );
    expect(replay.status).toBe(202);
    expect(replay.body.requeued).toBeGreaterThanOrEqual(1);
    const received = await eventually(
      async () => receiver.delivered('/dead').filter((r) => r.webhookId === log[0].webhookId),
      (r) => r.length === 1,
    );
    expect(received).toHaveLength(1);
    // the outcome is written just after the receiver answered
    const after = await eventually(
      () => deliveries('social-authority', dead),
      (d) => d[0].status === 'delivered',
    );
    expect(after[0].status).toBe('delivered');
  });

  it('gives up on a receiver that does not answer within the timeout and retries later', async () => {
    const slow = await subscribe('social-authority', '/slow', { alertRules: ['A1'] });
    receiver.hang.add('/slow');
    await psychiatricDischarge(await citizen());
    const log = await eventually(
      () => deliveries('social-authority', slow),
      (d) => d[0]?.attempts === 1,
    );
    expect(log[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'timeout',
    });
    expect(log[0]).toHaveProperty('nextAttemptAt', expect.any(String));
    await as('social-authority', 'DELETE', `/webhook-subscriptions/${slow}`);
  });

  it('a delivery claimed by a worker that died mid-send is sent again once its lease expires', async () => {
    const crash = await subscribe('social-authority', '/crash', { alertRules: ['A1'] });
    const worker = t.app.get(WebhooksWorker);
    const c = await citizen();
    await worker.dispatcher.stop();
    try {
      await psychiatricDischarge(c);
      await eventually(
        () => deliveries('social-authority', crash),
        (d) => d.length > 0,
      );
      // what a worker leaves behind when it dies after claiming: a lease, no outcome
      await t.db.pool.query(
        `UPDATE webhook_deliveries SET lease_until = now() + interval '1 hour', lease_token = gen_random_uuid()
          WHERE subscription_id = $1`,
        [crash],
      );
    } finally {
      worker.dispatcher.start();
    }
    // while the lease runs, nothing is sent (the social authority's other subscription gets the same A1 meanwhile)
    await eventually(
      async () => receiver.delivered('/sa').filter((r) => r.subject === c),
      (r) => r.length > 0,
    );
    expect(receiver.requests.filter((r) => r.path === '/crash')).toEqual([]);
    await t.db.pool.query(
      `UPDATE webhook_deliveries SET lease_until = now() - interval '1 second' WHERE subscription_id = $1`,
      [crash],
    );
    const got = await eventually(
      async () => receiver.delivered('/crash'),
      (r) => r.length === 1,
    );
    expect(got.map((r) => r.subject)).toEqual([c]);
    const log = await eventually(
      () => deliveries('social-authority', crash),
      (d) => d[0].status === 'delivered',
    );
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('withholds a shelter item whose consent was withdrawn after it was queued', async () => {
    const consented = await subscribe(SHELTER, '/consent', { purpose: PURPOSE });
    const worker = t.app.get(WebhooksWorker);
    const c = await citizen();
    const { body: consent } = await as<{ consentId: string }>(
      'social-authority',
      'POST',
      `/citizens/${c}/consents`,
      {
        purpose: PURPOSE,
        recipientUnitIds: [SHELTER],
        categories: ['health'],
        legalTextRef: 'kbh-samtykke-hf-2025-v2',
        givenVia: 'written',
        occurredAt: now.toISOString(),
      },
    );
    await worker.dispatcher.stop();
    try {
      const admission = await as<{ admissionId: string }>(
        'hospital',
        'POST',
        `/citizens/${c}/institution/hospital-admissions`,
        {
          kind: 'somatic',
          hospitalName: 'Hvidovre Hospital',
          occurredAt: now.toISOString(),
        },
      );
      await as(
        'hospital',
        'POST',
        `/citizens/${c}/institution/hospital-admissions/${admission.body.admissionId}/discharge-planned`,
        {
          expectedDate: '2026-03-03',
          destination: SHELTER,
          housingStatus: 'no-home',
          medicationNeeds: 'none',
          occurredAt: now.toISOString(),
        },
      );
      // queued for the shelter (the consent names it) while nothing is being sent
      await eventually(
        () => deliveries(SHELTER, consented),
        (d) => d.length > 0,
      );
      expect((await deliveries(SHELTER, consented))[0].status).toBe('pending');
      await as('social-authority', 'POST', `/citizens/${c}/consents/${consent.consentId}/withdraw`, {
        withdrawnVia: 'oral',
        occurredAt: now.toISOString(),
      });
    } finally {
      worker.dispatcher.start();
    }
    const log = await eventually(
      () => deliveries(SHELTER, consented),
      (d) => d[0]?.status !== 'pending',
    );
    expect(log[0].status).toBe('withheld');
    expect(receiver.requests.filter((r) => r.path === '/consent' || r.subject === c)).toEqual([]);
  });

  it('sends a domain event type a subscription names, for citizens the unit may see it of', async () => {
    await subscribe(SHELTER, '/events', { alertRules: [], eventTypes: ['DischargePlanned'] });
    const named = await citizen();
    await psychiatricDischarge(named);
    const got = await eventually(
      async () => receiver.delivered('/events').filter((r) => r.subject === named),
      (r) => r.length > 0,
    );
    expect(got.map((r) => r.type)).toEqual(['dk.housingfirst.event.discharge-planned']);
    expect(got[0].data).toEqual({
      eventId: expect.any(String),
      eventType: 'DischargePlanned',
      links: { self: `/citizens/${named}/timeline` },
    });
    // a discharge planned to another shelter is health data the shelter may not see: queued, then withheld
    const other = await citizen();
    const admission = await as<{ admissionId: string }>(
      'psychiatry',
      'POST',
      `/citizens/${other}/institution/hospital-admissions`,
      { kind: 'psychiatric', hospitalName: 'Psykiatrisk Center København', occurredAt: now.toISOString() },
    );
    await as(
      'psychiatry',
      'POST',
      `/citizens/${other}/institution/hospital-admissions/${admission.body.admissionId}/discharge-planned`,
      {
        expectedDate: '2026-03-03',
        destination: 'unit-another-shelter',
        housingStatus: 'no-home',
        medicationNeeds: 'none',
        occurredAt: now.toISOString(),
      },
    );
    const subscriptionId = (
      await as<{ subscriptions: { subscriptionId: string; url: string }[] }>(
        SHELTER,
        'GET',
        '/webhook-subscriptions',
      )
    ).body.subscriptions.find((s) => s.url.endsWith('/events'))!.subscriptionId;
    const log = await eventually(
      () => deliveries(SHELTER, subscriptionId),
      (d) => d.length === 2 && d.every((x) => x.status !== 'pending'),
    );
    expect(log.map((d) => d.status)).toEqual(['delivered', 'withheld']);
    expect(receiver.requests.filter((r) => r.path === '/events').map((r) => r.subject)).toEqual([named]);
  });

  it('rotating the secret signs with both secrets for the grace period', async () => {
    const rotated = await as<{ secret: string }>(
      'shelter',
      'POST',
      `/webhook-subscriptions/${shelterSubscription}/rotate-secret`,
    );
    expect(rotated.status).toBe(201);
    const [old] = receiver.secrets.get('/shelter')!;
    receiver.secrets.set('/shelter', [old, rotated.body.secret]);
    const c = await citizen();
    await psychiatricDischarge(c);
    const got = await eventually(
      async () => receiver.delivered('/shelter').filter((r) => r.subject === c),
      (r) => r.length > 0,
    );
    expect(got[0].verifiedWith).toEqual([old, rotated.body.secret]);
  });

  it('the feed gives the shelter the same items as its webhook, cursor-paged and stable', async () => {
    type Page = {
      items: { cursor: string; event: { id: string; type: string; subject: string } }[];
      nextCursor: string;
    };
    // every item queued for the shelter's webhook has been sent (or withheld) by now
    await eventually(
      () => deliveries(SHELTER, shelterSubscription),
      (d) => d.every((x) => x.status !== 'pending'),
    );
    const all = (await as<Page>('shelter', 'GET', '/feed?limit=200')).body;
    const webhookIds = receiver.delivered('/shelter').map((r) => r.data.eventId);
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.items.map((i) => i.event.id).sort()).toEqual([...webhookIds].sort());
    const cursors = all.items.map((i) => BigInt(i.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    // paging one at a time gives the same list
    const paged: string[] = [];
    let after = '0';
    for (;;) {
      const page = (await as<Page>('shelter', 'GET', `/feed?after=${after}&limit=1`)).body;
      // a page may be empty while the cursor moves past an item the unit may not see; the end is an unmoved cursor
      if (page.nextCursor === after) break;
      paged.push(...page.items.map((i) => i.event.id));
      after = page.nextCursor;
    }
    expect(paged).toEqual(all.items.map((i) => i.event.id));
    // the withheld somatic item is not on the consent-less feed either; reads are audit-logged
    const audit = await t.db.pool.query(
      `SELECT count(*) FROM read_audit_log WHERE action = 'feed' AND unit = $1`,
      [SHELTER],
    );
    expect(Number(audit.rows[0].count)).toBeGreaterThan(0);
    expect((await as('shelter', 'GET', '/feed?after=abc')).status).toBe(400);

    // SSE: the same items after a cursor, resumable with Last-Event-ID; ends cleanly when the app shuts down
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const resumeFrom = all.items[0].cursor;
    const stream = await new Promise<IncomingMessage>((resolve, reject) =>
      get(
        {
          host: '127.0.0.1',
          port,
          path: '/feed/stream',
          headers: { authorization: `Bearer ${t.keys.shelter}`, 'last-event-id': resumeFrom },
        },
        resolve,
      ).on('error', reject),
    );
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const ended = new Promise<void>((resolve) => stream.on('end', resolve));
    const events = () =>
      text
        .split('\n\n')
        .filter((block) => block.startsWith('id: '))
        .map((block) => ({
          id: /^id: (\d+)/.exec(block)![1],
          data: JSON.parse(/\ndata: (.*)$/m.exec(block)![1]) as { id: string },
        }));
    const expected = all.items.slice(1);
    await eventually(
      async () => events().length,
      (n) => n >= expected.length,
    );
    expect(events().map((e) => e.id)).toEqual(expected.map((i) => i.cursor));
    expect(events().map((e) => e.data.id)).toEqual(expected.map((i) => i.event.id));
    await t.close();
    await ended;
  });
});
