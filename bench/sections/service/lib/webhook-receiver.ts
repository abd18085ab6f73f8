import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface VerifiedDelivery {
  /** process.hrtime.bigint() when the body had been read and its signature verified */
  verifiedAt: bigint;
  webhookId: string;
  type: string;
  subject: string;
  ruleId?: string;
}

type Waiter = { match: (d: VerifiedDelivery) => boolean; done: (d: VerifiedDelivery) => void };

/**
 * A real receiver on 127.0.0.1: every delivery's signature is verified with `standardwebhooks` before it counts,
 * as a municipality's system would; an unverifiable one is answered 401 and counted, never taken as delivered.
 */
export class WebhookReceiver {
  private server?: Server;
  private secret?: Webhook;
  private readonly waiters = new Set<Waiter>();
  private readonly seen = new Set<string>();
  readonly delivered: VerifiedDelivery[] = [];
  rejected = 0;
  duplicates = 0;
  url = '';

  async start(path = '/hooks'): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** the subscription's `whsec_` secret, known once the subscription exists */
  trust(secret: string): void {
    this.secret = new Webhook(secret);
  }

  /** the first verified delivery that matches, waiting for it if it has not come yet */
  next(match: (d: VerifiedDelivery) => boolean, timeoutMs: number): Promise<VerifiedDelivery> {
    const already = this.delivered.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        done: (d) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(d);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no verified delivery within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = {
      'webhook-id': String(req.headers['webhook-id']),
      'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']),
    };
    try {
      if (!this.secret) throw new Error('no secret yet');
      this.secret.verify(body, headers);
    } catch {
      this.rejected += 1;
      res.writeHead(401).end();
      return;
    }
    const verifiedAt = process.hrtime.bigint();
    res.writeHead(204).end();
    // at-least-once: a redelivery of a webhook-id is acknowledged again but counted once
    if (this.seen.has(headers['webhook-id'])) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(headers['webhook-id']);
    const event = JSON.parse(body) as { type: string; subject: string; data?: { ruleId?: string } };
    const delivery: VerifiedDelivery = {
      verifiedAt,
      webhookId: headers['webhook-id'],
      type: event.type,
      subject: event.subject,
      ...(event.data?.ruleId ? { ruleId: event.data.ruleId } : {}),
    };
    this.delivered.push(delivery);
    for (const waiter of [...this.waiters]) if (waiter.match(delivery)) waiter.done(delivery);
  }
}
