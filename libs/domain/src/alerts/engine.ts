import type { AlertCommand, AlertRaisedData, AlertRuleId } from './alert';
import type { AlertFacts, AlertTrigger } from './facts';
import { isDeferral, type AlertDraft, type AlertRule } from './rule';
import { ALERT_RULES, alertRule } from './rules';

/**
 * The pure half of the alert engine: given one fact of a citizen, the citizen's facts (folded up to and including
 * it), the alerts already raised for the citizen and the clock, it plans what to do. The worker executes the plan
 * (appends, timers) inside its checkpoint transaction; keeping the decisions here makes them specs, not
 * integration tests.
 *
 * Idempotency rests on ids derived from seeds (the worker turns a seed into a UUID v5):
 * - an alert's id from `<rule>|<triggering event id>|raise`, so re-evaluating the same fact (a retried batch, a
 *   deferred rule evaluated by its timer, a rebuild) always names the same alert, and the alert decider treats a
 *   second RaiseAlert as a replay;
 * - each lifecycle event's id from `<alert id>|<what>|<qualifier>`, and each timer's from `<alert id>|<what>`.
 */
export type IdFor = (seed: string) => string;

/** An alert the engine already knows for the citizen. */
export type KnownAlert = { alert: AlertRaisedData; closed: boolean };

export type TimerKind = 'escalate' | 'expire' | 'raise';

export type TimerPlan =
  | { id: string; kind: 'escalate'; dueAt: string; payload: { alertId: string; step: number } }
  | { id: string; kind: 'expire'; dueAt: string; payload: { alertId: string } }
  | { id: string; kind: 'raise'; dueAt: string; payload: { ruleId: AlertRuleId; trigger: AlertTrigger } };

export type AlertAction =
  | { kind: 'command'; alertId: string; command: AlertCommand; eventId: string }
  | { kind: 'timer'; timer: TimerPlan };

/**
 * Facts after which no alert about the citizen makes sense: a death, and the erasure of the record's personal data
 * (the alert would name a person nobody can identify). Each resolves every open alert of the citizen.
 */
const CLOSES_EVERY_ALERT: ReadonlySet<string> = new Set(['CitizenDied', 'CitizenPersonalDataErased']);

const isReaction = (rule: AlertRule, type: string) =>
  rule.resolvesOn.includes(type as never) ||
  (rule.acknowledgedBy?.on.includes(type as never) ?? false) ||
  (rule.escalate?.on.includes(type as never) ?? false);

/** Whether the engine needs the citizen's alerts for this event type (saves a query for most events). */
export function eventConcernsAlerts(type: string, rules: readonly AlertRule[] = ALERT_RULES): boolean {
  return (
    CLOSES_EVERY_ALERT.has(type) ||
    rules.some((rule) => rule.triggers.includes(type as never) || isReaction(rule, type))
  );
}

/**
 * Reactions first (a fact resolves, acknowledges or escalates the citizen's open alerts), then raises: an event may
 * do both, e.g. a sanction warning resolves the risk flag's alert and raises its own.
 */
export function planForFact(
  trigger: AlertTrigger,
  facts: AlertFacts,
  alerts: readonly KnownAlert[],
  now: Date,
  idFor: IdFor,
  rules: readonly AlertRule[] = ALERT_RULES,
): AlertAction[] {
  const actions: AlertAction[] = [];
  const type = trigger.event.type;
  for (const { alert, closed } of alerts) {
    if (closed) continue;
    const rule = alertRule(alert.ruleId, rules);
    if (rule === undefined) continue;
    const action = reaction(rule, alert, trigger, facts, now, idFor);
    if (action) actions.push(action);
  }
  // An alert this fact resolves no longer blocks a new one about the same subject (e.g. a rescheduled release).
  const resolving = new Set(
    actions.flatMap((a) => (a.kind === 'command' && a.command.type === 'ResolveAlert' ? [a.alertId] : [])),
  );
  const known = alerts.map((a) => (resolving.has(a.alert.alertId) ? { ...a, closed: true } : a));
  for (const rule of rules) {
    if (rule.triggers.includes(type as never))
      actions.push(...planRaise(rule, trigger, facts, known, now, idFor));
  }
  return actions;
}

function reaction(
  rule: AlertRule,
  alert: AlertRaisedData,
  trigger: AlertTrigger,
  facts: AlertFacts,
  now: Date,
  idFor: IdFor,
): AlertAction | null {
  const type = trigger.event.type;
  const alertId = alert.alertId;
  if (
    CLOSES_EVERY_ALERT.has(type) ||
    (rule.resolvesOn.includes(type) && (rule.resolves?.(alert, trigger, facts) ?? true))
  ) {
    return {
      kind: 'command',
      alertId,
      eventId: idFor(`${alertId}|resolved`),
      command: {
        type: 'ResolveAlert',
        alertId,
        occurredAt: now,
        by: 'fact-arrived',
        resolvingEventId: trigger.eventId,
        resolvingEventType: type,
      },
    };
  }
  if (rule.acknowledgedBy?.on.includes(type)) {
    const by = rule.acknowledgedBy.by(alert, trigger);
    if (by !== null) {
      return {
        kind: 'command',
        alertId,
        eventId: idFor(`${alertId}|acknowledged|${trigger.eventId}`),
        command: {
          type: 'AcknowledgeAlert',
          alertId,
          occurredAt: now,
          by,
          via: 'fact-arrived',
          acknowledgingEventId: trigger.eventId,
        },
      };
    }
  }
  if (rule.escalate?.on.includes(type)) {
    const escalation = rule.escalate.escalation(alert, trigger, facts);
    if (escalation !== null) {
      return {
        kind: 'command',
        alertId,
        eventId: idFor(`${alertId}|escalated|${trigger.eventId}`),
        command: {
          type: 'EscalateAlertOnFact',
          alertId,
          occurredAt: now,
          triggeringEventId: trigger.eventId,
          ...escalation,
        },
      };
    }
  }
  return null;
}

export function alertIdSeed(ruleId: AlertRuleId, triggeringEventId: string): string {
  return `${ruleId}|${triggeringEventId}|raise`;
}

/**
 * Evaluates one rule for one fact: nothing, a deferral (a `raise` timer that evaluates the rule again later), or a
 * RaiseAlert with the timers of its escalation plan and expiry. Also what a fired `raise` timer runs.
 *
 * Not raised: a draft whose subject already has an alert of this rule (`once`: ever; `while-open`: an open one),
 * and a draft that has expired already (a rebuild or a late fact must not flood the inbox with stale alerts).
 */
export function planRaise(
  rule: AlertRule,
  trigger: AlertTrigger,
  facts: AlertFacts,
  alerts: readonly KnownAlert[],
  now: Date,
  idFor: IdFor,
): AlertAction[] {
  // Here rather than in each rule: also a deferred raise whose timer fires after the erasure raises nothing.
  if (facts.personalDataErased === true) return [];
  const outcome = rule.raise(trigger, facts, now);
  if (outcome === null) return [];
  if (isDeferral(outcome)) {
    if (Date.parse(outcome.deferUntil) <= now.getTime()) return []; // a rule must not defer into the past
    return [
      {
        kind: 'timer',
        timer: {
          id: idFor(`${rule.id}|${trigger.eventId}|deferred|${outcome.deferUntil}`),
          kind: 'raise',
          dueAt: outcome.deferUntil,
          payload: { ruleId: rule.id, trigger },
        },
      },
    ];
  }
  const alertId = idFor(alertIdSeed(rule.id, trigger.eventId));
  const duplicate = alerts.some(
    ({ alert, closed }) =>
      alert.alertId !== alertId &&
      alert.ruleId === rule.id &&
      alert.subjectId === outcome.subjectId &&
      ((outcome.dedupe ?? 'once') === 'once' || !closed),
  );
  if (duplicate) return [];
  if (outcome.expiresAt !== null && Date.parse(outcome.expiresAt) <= now.getTime()) return [];
  const raised = toRaised(rule.id, alertId, trigger, facts.citizenId, outcome);
  return [
    {
      kind: 'command',
      alertId,
      eventId: idFor(`${alertId}|raised`),
      command: { type: 'RaiseAlert', occurredAt: now, alert: raised },
    },
    ...timersFor(raised, idFor).map((timer): AlertAction => ({ kind: 'timer', timer })),
  ];
}

function toRaised(
  ruleId: AlertRuleId,
  alertId: string,
  trigger: AlertTrigger,
  citizenId: string,
  draft: AlertDraft,
): Omit<AlertRaisedData, 'occurredAt'> {
  const { dedupe: _dedupe, escalation, ...rest } = draft;
  return {
    citizenId,
    alertId,
    ruleId,
    triggeringEventId: trigger.eventId,
    ...rest,
    escalation: escalation.map((step, index) => ({ ...step, step: index + 1 })),
  };
}

/** One timer per escalation step and one for the expiry. */
export function timersFor(alert: Omit<AlertRaisedData, 'occurredAt'>, idFor: IdFor): TimerPlan[] {
  const timers: TimerPlan[] = alert.escalation.map((step) => ({
    id: idFor(`${alert.alertId}|timer|escalate|${step.step}`),
    kind: 'escalate',
    dueAt: step.at,
    payload: { alertId: alert.alertId, step: step.step },
  }));
  if (alert.expiresAt !== null) {
    timers.push({
      id: idFor(`${alert.alertId}|timer|expire`),
      kind: 'expire',
      dueAt: alert.expiresAt,
      payload: { alertId: alert.alertId },
    });
  }
  return timers;
}

/** What a fired escalation or expiry timer asks of its alert. */
export function planForTimer(
  timer: Extract<TimerPlan, { kind: 'escalate' | 'expire' }>,
  now: Date,
  idFor: IdFor,
): AlertAction {
  const alertId = timer.payload.alertId;
  if (timer.kind === 'escalate') {
    return {
      kind: 'command',
      alertId,
      eventId: idFor(`${alertId}|escalated|step-${timer.payload.step}`),
      command: { type: 'EscalateAlertStep', alertId, occurredAt: now, step: timer.payload.step },
    };
  }
  return {
    kind: 'command',
    alertId,
    eventId: idFor(`${alertId}|expired`),
    command: { type: 'ExpireAlert', alertId, occurredAt: now },
  };
}
