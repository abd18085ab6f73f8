import { fold } from '../../decider';
import { DomainError } from '../../errors';
import { alertDecider, type AlertEvent, type AlertRaisedData, type AlertState } from '../alert';
import { planForFact, planForTimer, planRaise, type AlertAction, type TimerPlan } from '../engine';
import { evolveAlertFacts, initialAlertFacts, type AlertFacts, type FactEvent } from '../facts';
import type { AlertRule } from '../rule';
import { ALERT_RULES, alertRule } from '../rules';

/**
 * The alert engine without a database, for specs: the same planning functions the worker runs, with alert
 * streams, timers and the facts fold kept in memory. It executes actions the way the worker does (decide on the
 * alert's stream, skip refusals, keep timers by id), so a spec can drive a citizen's story and look at the alerts.
 */
export class InMemoryAlertEngine {
  facts: AlertFacts;
  readonly streams = new Map<string, AlertEvent[]>();
  readonly timers = new Map<string, TimerPlan & { firedAt?: string }>();
  private sequence = 0;

  constructor(
    readonly citizenId: string,
    public now: Date,
    private readonly rules: readonly AlertRule[] = ALERT_RULES,
  ) {
    this.facts = initialAlertFacts(citizenId);
  }

  /** Records a fact (recorded now unless told otherwise) and runs the rules on it. Returns its event id. */
  record(event: FactEvent, options: { recordedAt?: string; eventId?: string } = {}): string {
    const eventId = options.eventId ?? `evt-${++this.sequence}`;
    const trigger = { eventId, recordedAt: options.recordedAt ?? this.now.toISOString(), event };
    this.facts = evolveAlertFacts(this.facts, trigger);
    this.execute(planForFact(trigger, this.facts, this.known(), this.now, idFor, this.rules));
    return eventId;
  }

  /** Moves the clock and fires every timer due by then, in due order, each exactly once. */
  advanceTo(instant: string | Date): void {
    this.now = new Date(instant);
    for (;;) {
      const due = [...this.timers.values()]
        .filter((t) => t.firedAt === undefined && Date.parse(t.dueAt) <= this.now.getTime())
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      if (due.length === 0) return;
      const timer = due[0];
      timer.firedAt = this.now.toISOString();
      if (timer.kind === 'raise') {
        const rule = alertRule(timer.payload.ruleId, this.rules);
        if (rule)
          this.execute(planRaise(rule, timer.payload.trigger, this.facts, this.known(), this.now, idFor));
      } else {
        this.execute([planForTimer(timer, this.now, idFor)]);
      }
    }
  }

  /** A person acts on an alert (inbox): the same decider, refusals thrown. */
  command(action: Extract<AlertAction, { kind: 'command' }>['command'] & { alertId: string }): AlertEvent[] {
    const events = alertDecider.decide(action, this.state(action.alertId), this.now);
    this.append(action.alertId, events);
    return events;
  }

  state(alertId: string): AlertState {
    return fold(alertDecider, this.streams.get(alertId) ?? []);
  }

  alerts(ruleId?: string): Array<AlertRaisedData & { state: AlertState; events: AlertEvent['type'][] }> {
    return [...this.streams.entries()]
      .map(([alertId, events]) => ({ alertId, events, state: this.state(alertId) }))
      .filter(({ state }) => state.alert !== null && (ruleId === undefined || state.alert.ruleId === ruleId))
      .map(({ events, state }) => ({
        ...(state.alert as AlertRaisedData),
        state,
        events: events.map((e) => e.type),
      }));
  }

  pendingTimers(): TimerPlan[] {
    return [...this.timers.values()].filter((t) => t.firedAt === undefined);
  }

  private known() {
    return this.alerts().map((a) => ({
      alert: a.state.alert as AlertRaisedData,
      closed: a.state.status === 'resolved' || a.state.status === 'expired',
    }));
  }

  private execute(actions: AlertAction[]): void {
    for (const action of actions) {
      if (action.kind === 'timer') {
        if (!this.timers.has(action.timer.id)) this.timers.set(action.timer.id, { ...action.timer });
        continue;
      }
      try {
        this.append(
          action.alertId,
          alertDecider.decide(action.command, this.state(action.alertId), this.now),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }

  private append(alertId: string, events: AlertEvent[]): void {
    if (events.length) this.streams.set(alertId, [...(this.streams.get(alertId) ?? []), ...events]);
  }
}

/** Ids in specs are the seeds themselves: readable, and deterministic like the worker's UUID v5. */
export const idFor = (seed: string): string => seed;
