import type { Unit } from '@hf/access';
import type { EventStore } from '@hf/event-store';
import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '@hf/platform';
import { inTransaction } from '@hf/platform';
import {
  openSecret,
  secretsValidAt,
  signatureHeader,
  StoredSecret,
  timelineReadySql,
  toCloudEvent,
  unitMaySee,
  type NotificationItem,
} from '@hf/projections/notifications';
import { HTTP } from 'cloudevents';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { IN_ORDER_SQL } from './ordering';
import { nextAttempt, parseRetryAfter } from './retry-schedule';

interface Claimed extends NotificationItem {
  delivery_id: string;
  subscription_id: string;
  attempts: number;
  url: string;
  unit_id: string;
  unit_type: Unit['type'];
  municipality: string | null;
  purpose: string;
  secrets: StoredSecret[];
}

type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'gone'; status: number }
  | { kind: 'failed'; status: number | null; error: string; retryAfter: number | null };

export interface DispatcherClock {
  now(): Date;
}

/** How much longer than the request timeout a claim lasts before another worker may take the delivery. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends queued deliveries. A delivery is claimed in a short transaction (FOR UPDATE SKIP LOCKED, so several workers
 * share the queue) that leases it for the request timeout plus a margin; the request is sent with no transaction
 * open (a transaction held across a slow receiver would hold back the event feed of the whole server, see README);
 * the outcome is written in a second short transaction, only if the lease is still ours. A worker that crashes
 * mid-send leaves its lease to expire and the delivery is sent again (at-least-once; receivers dedupe by
 * webhook-id, which is the row's id and never changes). A leased delivery is still pending, so it keeps holding back
 * the citizen's later items.
 *
 * Due times use the injected clock (tests move it); leases use the database's real time, since they are about
 * crashed processes. The `webhook-timestamp` is the real wall clock too: it tells the receiver when the bytes were
 * signed, and receivers reject timestamps far from their own clock.
 */
export class WebhookDispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly config: WebhookConfig,
    private readonly masterKey: Buffer,
    private readonly clock: DispatcherClock,
    private readonly logger: Logger,
    private readonly idleDelayMs: number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Sends one due delivery; false when none is due. */
  async dispatchOne(): Promise<boolean> {
    const now = this.clock.now();
    const token = randomUUID();
    const claimed = await inTransaction(this.pool, (tx) => this.claim(tx, now, token));
    if (!claimed) return false;
    const unit: Unit = { id: claimed.unit_id, type: claimed.unit_type, municipality: claimed.municipality };
    const principalId = `webhook:${claimed.subscription_id}`;
    if (
      !(await unitMaySee(
        this.pool,
        this.store,
        claimed,
        { principalId, unit, purpose: claimed.purpose },
        now,
      ))
    ) {
      // Never sent: a consent withdrawn (or a relation ended) since the item was queued.
      await this.pool.query(
        `UPDATE webhook_deliveries SET status = 'withheld', lease_until = NULL, lease_token = NULL, updated_at = now()
          WHERE delivery_id = $1 AND lease_token = $2`,
        [claimed.delivery_id, token],
      );
      this.logger.info({ deliveryId: claimed.delivery_id }, 'webhook delivery withheld by the access policy');
      return true;
    }
    const outcome = await this.send(claimed, now);
    await inTransaction(this.pool, (tx) => this.record(tx, claimed, outcome, now, principalId, token));
    return true;
  }

  private async claim(tx: PoolClient, now: Date, token: string): Promise<Claimed | null> {
    const { rows } = await tx.query<Claimed>(
      `SELECT d.delivery_id, d.subscription_id, d.attempts, s.url, s.unit_id, s.unit_type, s.municipality, s.purpose,
              s.secrets, i.*
         FROM webhook_deliveries d
         JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
         JOIN notification_items i ON i.item_id = d.item_id
        WHERE d.status = 'pending' AND s.status = 'active' AND d.next_attempt_at <= $1
          AND (d.lease_until IS NULL OR d.lease_until < now())
          AND ${IN_ORDER_SQL}
          AND ${timelineReadySql('i')}
        ORDER BY d.next_attempt_at, d.item_id
        LIMIT 1
        FOR UPDATE OF d SKIP LOCKED`,
      [now],
    );
    const claimed = rows[0];
    if (!claimed) return null;
    await tx.query(
      `UPDATE webhook_deliveries SET lease_until = now() + $2 * interval '1 millisecond', lease_token = $3
        WHERE delivery_id = $1`,
      [claimed.delivery_id, this.config.timeoutMs + LEASE_MARGIN_MS, token],
    );
    return claimed;
  }

  private async send(delivery: Claimed, now: Date): Promise<Outcome> {
    const message = HTTP.structured(toCloudEvent(delivery, this.config.source));
    const body = String(message.body);
    const secrets = secretsValidAt(delivery.secrets, now).map((s) =>
      openSecret(this.masterKey, s.sealed, delivery.subscription_id),
    );
    const webhookId = `msg_${delivery.delivery_id}`;
    const timestamp = new Date();
    const signal = AbortSignal.timeout(this.config.timeoutMs);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'webhook-id': webhookId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signatureHeader(secrets, webhookId, timestamp, body),
        },
        body,
        // A redirect could point anywhere (an internal address included): it counts as a failure.
        redirect: 'manual',
        signal,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300)
        return { kind: 'delivered', status: response.status };
      if (response.status === 410) return { kind: 'gone', status: 410 };
      return {
        kind: 'failed',
        status: response.status,
        error: `HTTP ${response.status}`,
        retryAfter: parseRetryAfter(response.headers.get('retry-after'), new Date()),
      };
    } catch (error) {
      // Only the error's name: a message could echo the URL, which is the receiver's and may carry a token. The
      // abort is read from the signal, since the error fetch rejects with differs between Node versions.
      if (signal.aborted) return { kind: 'failed', status: null, error: 'timeout', retryAfter: null };
      const name = (error as { name?: unknown } | null)?.name;
      return {
        kind: 'failed',
        status: null,
        error: typeof name === 'string' ? name : 'Error',
        retryAfter: null,
      };
    }
  }

  private async record(
    tx: PoolClient,
    delivery: Claimed,
    outcome: Outcome,
    now: Date,
    principalId: string,
    token: string,
  ): Promise<void> {
    const attempts = delivery.attempts + 1;
    const log = { deliveryId: delivery.delivery_id, subscriptionId: delivery.subscription_id, attempts };
    // Our lease ran out and another worker took the delivery over: its outcome counts, not ours.
    const held = await tx.query(
      `SELECT 1 FROM webhook_deliveries WHERE delivery_id = $1 AND lease_token = $2 FOR UPDATE`,
      [delivery.delivery_id, token],
    );
    if (held.rowCount === 0) {
      this.logger.warn(log, 'webhook delivery lease lost before its outcome was recorded');
      return;
    }
    switch (outcome.kind) {
      case 'delivered':
        await tx.query(
          `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_status_code = $3, last_error = NULL,
             delivered_at = $4, lease_until = NULL, lease_token = NULL, updated_at = now() WHERE delivery_id = $1`,
          [delivery.delivery_id, attempts, outcome.status, now],
        );
        // A delivery of citizen data is a read by the receiving unit: one audit entry, like an inbox read.
        await tx.query(
          `INSERT INTO read_audit_log (principal, unit, citizen_id, action, purpose, request_id)
           VALUES ($1, $2, $3, 'webhook-delivery', $4, $5)`,
          [principalId, delivery.unit_id, delivery.citizen_id, delivery.purpose, delivery.delivery_id],
        );
        this.logger.info({ ...log, status: outcome.status }, 'webhook delivered');
        return;
      case 'gone':
        // 410 Gone: the receiver asks us to stop. The delivery stays pending, so a re-enabled endpoint gets it.
        await tx.query(
          `UPDATE webhook_deliveries SET attempts = $2, last_status_code = 410, lease_until = NULL, lease_token = NULL,
             updated_at = now() WHERE delivery_id = $1`,
          [delivery.delivery_id, attempts],
        );
        await tx.query(
          `UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = $2, disabled_reason = 'receiver-answered-410'
            WHERE subscription_id = $1 AND status = 'active'`,
          [delivery.subscription_id, now],
        );
        this.logger.warn(log, 'webhook subscription disabled: the receiver answered 410 Gone');
        return;
      case 'failed': {
        const next = nextAttempt(
          {
            scheduleSeconds: this.config.retryScheduleSeconds,
            jitter: this.config.jitter,
            retryAfterCapSeconds: this.config.retryAfterCapSeconds,
          },
          attempts,
          now,
          outcome.retryAfter,
        );
        await tx.query(
          `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, last_error = $5,
             next_attempt_at = $6, lease_until = NULL, lease_token = NULL, updated_at = now() WHERE delivery_id = $1`,
          [
            delivery.delivery_id,
            next.kind === 'dead' ? 'dead' : 'pending',
            attempts,
            outcome.status,
            outcome.error,
            next.kind === 'dead' ? now : next.at,
          ],
        );
        this.logger.info(
          { ...log, status: outcome.status, error: outcome.error, dead: next.kind === 'dead' },
          'webhook delivery failed',
        );
        return;
      }
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.dispatchOne();
        failures = 0;
        if (sent) continue;
        await this.sleep(this.idleDelayMs);
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error, failures }, 'webhook dispatch failed');
        await this.sleep(Math.min(30_000, this.idleDelayMs * 2 ** failures));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
