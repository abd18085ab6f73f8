import type { ContactRole } from '../citizen/citizen';
import type {
  AcknowledgedBy,
  AlertContact,
  AlertRaisedData,
  AlertRecipient,
  AlertRuleId,
  AlertSeverity,
  EscalationStep,
} from './alert';
import type { AlertFacts, AlertTrigger, CourseWithId, FactEvent } from './facts';

export type FactEventType = FactEvent['type'];

/**
 * What a rule raises: everything of AlertRaised except what the engine knows (ids, citizen, time). Escalation
 * steps are numbered by the engine in the order given.
 */
export type AlertDraft = Omit<
  AlertRaisedData,
  'citizenId' | 'occurredAt' | 'alertId' | 'ruleId' | 'triggeringEventId' | 'escalation'
> & {
  escalation: Array<Omit<EscalationStep, 'step'>>;
  /**
   * `once` (default): at most one alert of this rule about this subject, ever. `while-open`: another one may be
   * raised once the previous one is closed (e.g. a second sanction-risk flag months later).
   */
  dedupe?: 'once' | 'while-open';
};

/** Not yet: evaluate the rule again at this instant, with the facts as they are then (a durable timer). */
export type AlertDeferral = { deferUntil: string };

export type RaiseOutcome = AlertDraft | AlertDeferral | null;

export function isDeferral(outcome: RaiseOutcome): outcome is AlertDeferral {
  return outcome !== null && 'deferUntil' in outcome;
}

export type FactEscalation = { reason: string; severity: AlertSeverity; addRecipients: AlertRecipient[] };

/**
 * A declarative alert rule (DOMAIN.md §6). Pure: the rule sees the triggering event, the citizen's facts (folded
 * up to and including that event) and the engine's clock, and returns data. The engine does the rest: ids,
 * idempotency, timers, appends.
 */
export interface AlertRule {
  id: AlertRuleId;
  /** event types that may raise the alert */
  triggers: readonly FactEventType[];
  raise(trigger: AlertTrigger, facts: AlertFacts, now: Date): RaiseOutcome;
  /** event types that may resolve an open alert of this rule (by fact-arrived) */
  resolvesOn: readonly FactEventType[];
  /** whether this event resolves this alert; default: any such event of the citizen does */
  resolves?(alert: AlertRaisedData, trigger: AlertTrigger, facts: AlertFacts): boolean;
  /** a fact that counts as a recipient acknowledging the alert (e.g. the hospital notice was acknowledged) */
  acknowledgedBy?: {
    on: readonly FactEventType[];
    by(alert: AlertRaisedData, trigger: AlertTrigger): AcknowledgedBy | null;
  };
  /** a fact that makes the alert more urgent (e.g. the offer lapsed while the deposit waited) */
  escalate?: {
    on: readonly FactEventType[];
    escalation(alert: AlertRaisedData, trigger: AlertTrigger, facts: AlertFacts): FactEscalation | null;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for rules

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function plusMs(instant: string | Date, ms: number): string {
  return new Date(new Date(instant).getTime() + ms).toISOString();
}

export function earliest(...instants: string[]): string {
  return instants.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

export function latest(...instants: string[]): string {
  return instants.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

export function contactOf(facts: AlertFacts, role: ContactRole): AlertContact | undefined {
  const contact = facts.contacts[role];
  if (contact === undefined) return undefined;
  return { role, staffId: contact.staffId, ...(contact.channel ? { channel: contact.channel } : {}) };
}

/** The social authority (myndighed) of the handlekommune, with the authority caseworker when one is assigned. */
export function socialAuthority(facts: AlertFacts, municipality = facts.handlekommune): AlertRecipient[] {
  if (municipality === null) return [];
  const contact = contactOf(facts, 'authority-caseworker');
  return [{ unitType: 'social-authority', municipality, ...(contact ? { contact } : {}) }];
}

/**
 * One recipient per support provider unit of the given courses, with the named support worker when the citizen's
 * support worker acts for that unit. Without a course, an assigned support worker's own unit is the provider.
 */
export function supportProviders(facts: AlertFacts, courses: readonly CourseWithId[]): AlertRecipient[] {
  const worker = facts.contacts['support-worker'];
  const units = [...new Set(courses.map((course) => course.providerUnitId))];
  if (units.length === 0 && worker !== undefined) units.push(worker.unitId);
  return units.map((unitId) => {
    const contact = worker?.unitId === unitId ? contactOf(facts, 'support-worker') : undefined;
    return { unitType: 'support-provider', unitId, ...(contact ? { contact } : {}) };
  });
}

/** Event ids without duplicates or gaps, in the order given. */
export function cite(...ids: Array<string | null | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
