import {
  ALERT_RULES,
  alertRule,
  initialAlertFacts,
  planForTimer,
  planRaise,
  type AlertRule,
  type TimerPlan,
} from '@hf/domain/alerts';
import type { EventStore } from '@hf/event-store';
import { inTransaction } from '@hf/platform';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ALERT_ENGINE, EngineClock } from './alert-engine.projection';
import { AlertActions, alertIdFor, knownAlerts, loadFacts } from './alert-store';

export interface TimerPollerOptions {
  /** how long to wait when no timer is due */
  idleDelayMs: number;
  /** at most this many timers per round before checking `stop` again */
  maxPerRound?: number;
}

/** Back-off of a failing timer, in real time (the injected clock may stand still in tests). */
const RETRY_AFTER_SECONDS = [5, 30, 120, 600, 3600];

/**
 * Fires durable timers (table `timers`). Each timer is claimed in a transaction of its own with
 * FOR UPDATE SKIP LOCKED, handled, and marked fired in that same transaction, so:
 * - exactly once: a crash before COMMIT leaves the timer unfired, and its events unwritten (or, with a store
 *   outside PostgreSQL, written but harmless to write again); the next claim (this worker after a restart, or
 *   another worker) does it again with the same derived event ids, which the alert decider turns into no-ops;
 * - several workers can poll: a claimed timer is skipped by the others;
 * - a timer that keeps failing (a concurrent write to the same alert, say) is retried with growing delays and
 *   does not block the ones behind it.
 *
 * "Due" compares with the injected clock, so tests move time by moving the clock.
 */
export class AlertTimerPoller {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly actions: AlertActions;

  constructor(
    private readonly pool: Pool,
    store: EventStore,
    private readonly clock: EngineClock,
    private readonly logger: Logger,
    private readonly options: TimerPollerOptions = { idleDelayMs: 1000 },
    private readonly rules: readonly AlertRule[] = ALERT_RULES,
  ) {
    this.actions = new AlertActions(store, logger);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the timer in flight, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Fires every timer that is due now (up to `limit`); returns how many fired. */
  async fireDue(limit = this.options.maxPerRound ?? 100): Promise<number> {
    let fired = 0;
    for (let attempt = 0; attempt < limit; attempt++) {
      const outcome = await this.fireOne();
      if (outcome === 'none') break;
      if (outcome === 'fired') fired += 1;
    }
    return fired;
  }

  /** Claims and fires the earliest due timer. */
  async fireOne(): Promise<'fired' | 'failed' | 'none'> {
    let claimed: string | null = null;
    try {
      return await inTransaction(this.pool, async (tx) => {
        const now = this.clock.now();
        const { rows } = await tx.query<{
          id: string;
          kind: TimerPlan['kind'];
          due_at: Date;
          payload: unknown;
        }>(
          `SELECT id, kind, due_at, payload FROM timers
            WHERE fired_at IS NULL AND due_at <= $1 AND (retry_at IS NULL OR retry_at <= now())
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        if (rows.length === 0) return 'none';
        const row = rows[0];
        claimed = row.id;
        const timer = {
          id: row.id,
          kind: row.kind,
          dueAt: row.due_at.toISOString(),
          payload: row.payload,
        } as TimerPlan;
        const metadata = {
          correlationId: `timer:${timer.id}`,
          causationId: timer.id,
          principal: ALERT_ENGINE,
          unit: 'system',
          source: { system: ALERT_ENGINE, timer: timer.kind },
        };
        if (timer.kind === 'raise') {
          const rule = alertRule(timer.payload.ruleId, this.rules);
          if (rule !== undefined) {
            const citizenId = timer.payload.trigger.event.data.citizenId;
            const facts = (await loadFacts(tx, [citizenId])).get(citizenId) ?? initialAlertFacts(citizenId);
            const planned = planRaise(
              rule,
              timer.payload.trigger,
              facts,
              await knownAlerts(tx, citizenId),
              now,
              alertIdFor,
            );
            await this.actions.run(tx, planned, now, metadata);
          }
        } else {
          await this.actions.run(tx, [planForTimer(timer, now, alertIdFor)], now, metadata);
        }
        await tx.query('UPDATE timers SET fired_at = $2 WHERE id = $1', [timer.id, now]);
        return 'fired';
      });
    } catch (error) {
      if (claimed === null) throw error;
      await this.recordFailure(claimed, error);
      return 'failed';
    }
  }

  private async recordFailure(id: string, error: unknown): Promise<void> {
    const pgCode = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
    const code = pgCode ? `pg-${pgCode}` : error instanceof Error ? error.name : 'unknown';
    this.logger.warn({ timerId: id, error: code }, 'alert timer failed; will retry');
    await this.pool
      .query(
        `UPDATE timers SET attempts = attempts + 1, last_error = $2,
                retry_at = now() + make_interval(secs => (ARRAY[${RETRY_AFTER_SECONDS.join(',')}])[LEAST(attempts + 1, ${RETRY_AFTER_SECONDS.length})])
          WHERE id = $1`,
        [id, code],
      )
      .catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const fired = await this.fireDue();
        failures = 0;
        if (fired > 0) continue;
        await this.sleep(this.options.idleDelayMs);
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error, failures }, 'alert timer round failed');
        await this.sleep(Math.min(30_000, this.options.idleDelayMs * 2 ** failures));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
