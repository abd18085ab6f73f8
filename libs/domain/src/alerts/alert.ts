import { assertNever, Decider } from '../decider';
import { DomainError } from '../errors';
import type { EventCategory, ProcessDefinition } from '../process';
import { assertOccurredAtAcceptable } from '../rules';
import { copenhagenDate } from '../calendar';
import {
  CONSENT_RECIPIENT_UNIT_TYPES,
  ConsentRecipientUnitType,
  ContactRole,
  StaffContactChannel,
} from '../citizen/citizen';

/**
 * Interface alerts (DOMAIN.md §6) as events: one stream per alert (`alert-<alertId>`), so acknowledging or
 * resolving one alert never contends with another, and the alert's whole life (raised, acknowledged, escalated,
 * resolved or expired) reads as one short stream.
 *
 * Alerts are raised by the alert engine (the worker) from the citizen's facts and the rules in `./rules`; people
 * acknowledge and resolve them through the inbox API; timers escalate and expire them. This decider is the one
 * place the lifecycle rules live, whoever sends the command.
 *
 * Visibility: an alert is about facts of one category (A1 about a psychiatric discharge is health data, A4 about a
 * sanction warning is employment data), so every alert event carries its `category` in its data, and the access
 * policy must read that field. The catalogue entry below says `health` for every alert event type, the most
 * restrictive category, so a reader that only knows the type fails closed.
 *
 * Nothing personal: reasons cite facts by event id and in plain, non-personal words; recipients are unit types,
 * municipality codes, unit ids and staff ids; never a name, CPR number or diagnosis.
 */
export function alertStreamId(alertId: string): string {
  return `alert-${alertId}`;
}

export const ALERT_RULE_IDS = [
  'A1',
  'A2',
  'A3',
  'A4',
  'A5',
  'A6',
  'A7',
  'A8',
  'A9',
  'A10',
  'A11',
  'A12',
  'A13',
  'A14',
  'A15',
] as const;
export type AlertRuleId = (typeof ALERT_RULE_IDS)[number];

/** DOMAIN.md §6, for summaries and the inbox. */
export const ALERT_RULE_TITLES: Readonly<Record<AlertRuleId, string>> = {
  A1: 'discharge into homelessness',
  A2: 'shelter notification duty',
  A3: 'deposit fast-track',
  A4: 'sanction risk for a rehoused or Housing First citizen',
  A5: 'shelter refund clock',
  A6: 'support before discharge',
  A7: 'CTI handover',
  A8: 'contact lost',
  A9: 'release without housing',
  A10: 'tenancy at risk',
  A11: 'admission pauses support',
  A12: 'parallel support',
  A13: 'moved in without support',
  A14: 'offer lost',
  A15: 'break-glass read',
};

export const ALERT_SEVERITIES = ['info', 'warning', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export function severityRank(severity: AlertSeverity): number {
  return ALERT_SEVERITIES.indexOf(severity);
}

export function maxSeverity(a: AlertSeverity, b: AlertSeverity): AlertSeverity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** One step up the ladder; critical stays critical. */
export function raiseSeverity(severity: AlertSeverity): AlertSeverity {
  return ALERT_SEVERITIES[Math.min(severityRank(severity) + 1, ALERT_SEVERITIES.length - 1)];
}

/** Unit functions of DOMAIN.md §3 (the same list a consent names recipients by). */
export const UNIT_TYPES = CONSENT_RECIPIENT_UNIT_TYPES;
export type UnitType = ConsentRecipientUnitType;

/** A named member of staff the alert is for, when one is known (an opaque staff id, never a name). */
export type AlertContact = { role: ContactRole; staffId: string; channel?: StaffContactChannel };

/**
 * Who must act: a unit by function, narrowed by municipality (a social authority, a benefits office) and/or by unit
 * id (a specific shelter or support team), and a named contact where one is known.
 */
export type AlertRecipient = {
  unitType: UnitType;
  municipality?: string;
  unitId?: string;
  contact?: AlertContact;
};

/**
 * How to reach the citizen through someone who knows them (DOMAIN.md §2: the jobcentre's "just phone me"): the
 * support worker, the shelter, the mentor. Staff data, not citizen data.
 */
export type AlertContactChannel = {
  role: ContactRole | 'shelter';
  unitId: string;
  staffId?: string;
  channel?: StaffContactChannel;
};

/** Why the alert was raised: a code, one plain sentence without personal data, and the facts' event ids. */
export type AlertReason = { code: string; text: string; factEventIds: string[] };

/**
 * `unacknowledged`: the step fires only if nobody has acknowledged the alert by then ("unacknowledged after N
 * hours"); `unresolved`: it fires while the alert is open at all, acknowledged or not (a deadline).
 */
export const ESCALATION_CONDITIONS = ['unacknowledged', 'unresolved'] as const;
export type EscalationCondition = (typeof ESCALATION_CONDITIONS)[number];

export type EscalationStep = {
  /** 1, 2, ...: the step's number in the plan */
  step: number;
  /** ISO instant */
  at: string;
  when: EscalationCondition;
  /** the severity from this step on (never lower than the current one) */
  severity: AlertSeverity;
  /** units that are told from this step on */
  addRecipients: AlertRecipient[];
  /** a code such as `notification-deadline-breached` */
  reason: string;
};

export const ALERT_STATUSES = ['open', 'acknowledged', 'escalated', 'resolved', 'expired'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const CLOSED_ALERT_STATUSES: readonly AlertStatus[] = ['resolved', 'expired'];

/** Why a person closed an alert by hand. Codes only: the inbox is shown to several units. */
export const MANUAL_RESOLUTION_REASONS = [
  'handled',
  'not-relevant',
  'duplicate',
  'recorded-in-error',
  'other',
] as const;
export type ManualResolutionReason = (typeof MANUAL_RESOLUTION_REASONS)[number];

export type AcknowledgedBy = { unitType: UnitType | null; unitId: string | null };

// ---------------------------------------------------------------------------------------------------------------
// Events

type AlertBase = {
  citizenId: string;
  occurredAt: string;
  alertId: string;
  ruleId: AlertRuleId;
  /** the visibility category of the facts behind the alert (see the module comment) */
  category: EventCategory;
};

export type AlertRaisedData = AlertBase & {
  /** what the alert is about: an admission, a stay, an application, a warning...; rules match on it */
  subjectId: string;
  /** other ids a rule needs to recognise the facts that resolve or escalate it, e.g. `{ offerId }` */
  refs: Record<string, string>;
  triggeringEventId: string;
  recipients: AlertRecipient[];
  severity: AlertSeverity;
  /** ISO instant by which the recipients should have acted */
  dueAt: string;
  reason: AlertReason;
  escalation: EscalationStep[];
  /** after this instant an unresolved alert no longer helps anyone and expires; null = never */
  expiresAt: string | null;
  contactChannels: AlertContactChannel[];
};

export type AlertRaised = { type: 'AlertRaised'; data: AlertRaisedData };

export type AlertAcknowledged = {
  type: 'AlertAcknowledged';
  data: AlertBase & {
    by: AcknowledgedBy;
    /** `inbox`: a person acknowledged it; `fact-arrived`: a recipient acknowledged the notice behind it */
    via: 'inbox' | 'fact-arrived';
    acknowledgingEventId?: string;
  };
};

export type AlertEscalated = {
  type: 'AlertEscalated';
  data: AlertBase & {
    /** the plan's step, or null when a fact escalated the alert (e.g. the offer lapsed: a breach) */
    step: number | null;
    trigger: 'timer' | 'fact-arrived';
    triggeringEventId?: string;
    reason: string;
    /** the severity from now on */
    severity: AlertSeverity;
    addedRecipients: AlertRecipient[];
  };
};

export type AlertResolved = {
  type: 'AlertResolved';
  data: AlertBase & {
    by: 'fact-arrived' | 'manual';
    /** by fact: the event that made the alert moot */
    resolvingEventId?: string;
    resolvingEventType?: string;
    /** by hand: why */
    reason?: ManualResolutionReason;
    resolvedBy?: AcknowledgedBy;
  };
};

export type AlertExpired = { type: 'AlertExpired'; data: AlertBase & { expiresAt: string } };

export type AlertEvent = AlertRaised | AlertAcknowledged | AlertEscalated | AlertResolved | AlertExpired;

// ---------------------------------------------------------------------------------------------------------------
// Commands

export type RaiseAlert = { type: 'RaiseAlert'; occurredAt: Date; alert: Omit<AlertRaisedData, 'occurredAt'> };
export type AcknowledgeAlert = {
  type: 'AcknowledgeAlert';
  alertId: string;
  occurredAt: Date;
  by: AcknowledgedBy;
  via: 'inbox' | 'fact-arrived';
  acknowledgingEventId?: string;
};
export type EscalateAlertStep = {
  type: 'EscalateAlertStep';
  alertId: string;
  occurredAt: Date;
  step: number;
};
export type EscalateAlertOnFact = {
  type: 'EscalateAlertOnFact';
  alertId: string;
  occurredAt: Date;
  triggeringEventId: string;
  reason: string;
  severity: AlertSeverity;
  addRecipients: AlertRecipient[];
};
export type ResolveAlert = {
  type: 'ResolveAlert';
  alertId: string;
  occurredAt: Date;
  by: 'fact-arrived' | 'manual';
  resolvingEventId?: string;
  resolvingEventType?: string;
  reason?: ManualResolutionReason;
  resolvedBy?: AcknowledgedBy;
};
export type ExpireAlert = { type: 'ExpireAlert'; alertId: string; occurredAt: Date };

export type AlertCommand =
  RaiseAlert | AcknowledgeAlert | EscalateAlertStep | EscalateAlertOnFact | ResolveAlert | ExpireAlert;

// ---------------------------------------------------------------------------------------------------------------
// State

export type AlertState = {
  alert: AlertRaisedData | null;
  status: AlertStatus | null;
  severity: AlertSeverity | null;
  recipients: AlertRecipient[];
  acknowledgedBy: AcknowledgedBy[];
  firedSteps: number[];
  /** event ids that already escalated the alert */
  escalatedBy: string[];
};

export function isAlertClosed(status: AlertStatus | null): boolean {
  return status !== null && CLOSED_ALERT_STATUSES.includes(status);
}

export function sameRecipient(a: AlertRecipient, b: AlertRecipient): boolean {
  return (
    a.unitType === b.unitType &&
    (a.municipality ?? null) === (b.municipality ?? null) &&
    (a.unitId ?? null) === (b.unitId ?? null)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Decider

const ms = (iso: string): number => Date.parse(iso);

function raised(state: AlertState, alertId: string): AlertRaisedData {
  if (state.alert === null) {
    throw new DomainError('not-found', 'alert-not-found', 'No alert with this alertId', { alertId });
  }
  return state.alert;
}

function open(state: AlertState, alertId: string): AlertRaisedData {
  const alert = raised(state, alertId);
  if (isAlertClosed(state.status)) {
    throw new DomainError('conflict', 'alert-closed', 'The alert is already resolved or expired', {
      alertId,
      status: state.status,
    });
  }
  return alert;
}

function base(alert: AlertRaisedData, occurredAt: Date): AlertBase {
  return {
    citizenId: alert.citizenId,
    occurredAt: occurredAt.toISOString(),
    alertId: alert.alertId,
    ruleId: alert.ruleId,
    category: alert.category,
  };
}

function isInstant(value: string | null): boolean {
  return value !== null && !Number.isNaN(ms(value));
}

function raise(command: RaiseAlert, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = command.alert;
  if (state.alert !== null) {
    if (state.alert.alertId === alert.alertId) return []; // the same alert raised again: a replay
    throw new DomainError('conflict', 'alert-stream-taken', 'The stream already holds another alert', {
      alertId: state.alert.alertId,
    });
  }
  if (alert.recipients.length === 0) {
    throw new DomainError('rule-violation', 'alert-without-recipients', 'An alert must name a recipient', {
      ruleId: alert.ruleId,
    });
  }
  if (!isInstant(alert.dueAt) || (alert.expiresAt !== null && !isInstant(alert.expiresAt))) {
    throw new DomainError('rule-violation', 'invalid-alert-time', 'dueAt and expiresAt must be instants', {
      ruleId: alert.ruleId,
    });
  }
  let previous = alert.severity;
  alert.escalation.forEach((step, index) => {
    if (
      step.step !== index + 1 ||
      !isInstant(step.at) ||
      severityRank(step.severity) < severityRank(previous)
    ) {
      throw new DomainError(
        'rule-violation',
        'invalid-escalation-plan',
        'Escalation steps are numbered from 1, have instants, and never lower the severity',
        { ruleId: alert.ruleId, step: step.step },
      );
    }
    previous = step.severity;
  });
  return [{ type: 'AlertRaised', data: { ...alert, occurredAt: command.occurredAt.toISOString() } }];
}

/**
 * Each unit acknowledges once. A unit named in the acknowledgement must be among the recipients (by type, and by
 * unit id when the recipient names one); an acknowledgement that names no unit is accepted until authentication
 * binds it to the caller's unit.
 */
function acknowledge(command: AcknowledgeAlert, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = open(state, command.alertId);
  const { unitType, unitId } = command.by;
  if (unitType !== null) {
    const recipient = state.recipients.find(
      (r) => r.unitType === unitType && (unitId === null || r.unitId === undefined || r.unitId === unitId),
    );
    if (recipient === undefined) {
      throw new DomainError(
        'rule-violation',
        'not-a-recipient',
        'The unit is not a recipient of this alert',
        {
          alertId: alert.alertId,
          unitType,
        },
      );
    }
  }
  const already = state.acknowledgedBy.some((by) => by.unitType === unitType && by.unitId === unitId);
  if (already) {
    throw new DomainError(
      'conflict',
      'alert-already-acknowledged',
      'This unit has already acknowledged the alert',
      { alertId: alert.alertId, unitType, unitId },
    );
  }
  return [
    {
      type: 'AlertAcknowledged',
      data: {
        ...base(alert, command.occurredAt),
        by: { unitType, unitId },
        via: command.via,
        ...(command.acknowledgingEventId ? { acknowledgingEventId: command.acknowledgingEventId } : {}),
      },
    },
  ];
}

function newRecipients(state: AlertState, candidates: AlertRecipient[]): AlertRecipient[] {
  const added: AlertRecipient[] = [];
  for (const candidate of candidates) {
    if (![...state.recipients, ...added].some((r) => sameRecipient(r, candidate))) added.push(candidate);
  }
  return added;
}

/**
 * A timer fires a planned step. A step fires at most once, not before its time, and an `unacknowledged` step of an
 * acknowledged alert fires nothing (that is the point of acknowledging).
 */
function escalateStep(command: EscalateAlertStep, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = open(state, command.alertId);
  const step = alert.escalation.find((s) => s.step === command.step);
  if (step === undefined) {
    throw new DomainError(
      'rule-violation',
      'escalation-step-unknown',
      'The alert has no such escalation step',
      {
        alertId: alert.alertId,
        step: command.step,
      },
    );
  }
  if (ms(step.at) > command.occurredAt.getTime()) {
    throw new DomainError('rule-violation', 'escalation-not-due', 'The escalation step is not due yet', {
      alertId: alert.alertId,
      step: step.step,
      at: step.at,
    });
  }
  if (state.firedSteps.includes(step.step)) return [];
  if (step.when === 'unacknowledged' && state.acknowledgedBy.length > 0) return [];
  return [
    {
      type: 'AlertEscalated',
      data: {
        ...base(alert, command.occurredAt),
        step: step.step,
        trigger: 'timer',
        reason: step.reason,
        severity: maxSeverity(state.severity ?? alert.severity, step.severity),
        addedRecipients: newRecipients(state, step.addRecipients),
      },
    },
  ];
}

/** A fact escalates the alert (e.g. the offer lapsed while the deposit waited: a breach); once per fact. */
function escalateOnFact(command: EscalateAlertOnFact, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = open(state, command.alertId);
  if (state.escalatedBy.includes(command.triggeringEventId)) return [];
  return [
    {
      type: 'AlertEscalated',
      data: {
        ...base(alert, command.occurredAt),
        step: null,
        trigger: 'fact-arrived',
        triggeringEventId: command.triggeringEventId,
        reason: command.reason,
        severity: maxSeverity(state.severity ?? alert.severity, command.severity),
        addedRecipients: newRecipients(state, command.addRecipients),
      },
    },
  ];
}

function resolve(command: ResolveAlert, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = open(state, command.alertId);
  if (command.by === 'manual' && command.reason === undefined) {
    throw new DomainError(
      'rule-violation',
      'resolution-reason-required',
      'A manual resolution needs a reason',
      {
        alertId: alert.alertId,
      },
    );
  }
  if (command.by === 'fact-arrived' && (!command.resolvingEventId || !command.resolvingEventType)) {
    throw new DomainError(
      'rule-violation',
      'resolving-event-required',
      'A resolution by a fact names the event that resolved it',
      { alertId: alert.alertId },
    );
  }
  return [
    {
      type: 'AlertResolved',
      data: {
        ...base(alert, command.occurredAt),
        by: command.by,
        ...(command.by === 'fact-arrived'
          ? { resolvingEventId: command.resolvingEventId, resolvingEventType: command.resolvingEventType }
          : { reason: command.reason, ...(command.resolvedBy ? { resolvedBy: command.resolvedBy } : {}) }),
      },
    },
  ];
}

function expire(command: ExpireAlert, state: AlertState, now: Date): AlertEvent[] {
  assertOccurredAtAcceptable(command.occurredAt, now);
  const alert = open(state, command.alertId);
  if (alert.expiresAt === null || ms(alert.expiresAt) > command.occurredAt.getTime()) {
    throw new DomainError('rule-violation', 'alert-not-expired', 'The alert has not reached its expiry', {
      alertId: alert.alertId,
      expiresAt: alert.expiresAt,
    });
  }
  return [{ type: 'AlertExpired', data: { ...base(alert, command.occurredAt), expiresAt: alert.expiresAt } }];
}

export const alertDecider: Decider<AlertCommand, AlertState, AlertEvent> = {
  initialState: () => ({
    alert: null,
    status: null,
    severity: null,
    recipients: [],
    acknowledgedBy: [],
    firedSteps: [],
    escalatedBy: [],
  }),

  decide(command, state, now) {
    switch (command.type) {
      case 'RaiseAlert':
        return raise(command, state, now);
      case 'AcknowledgeAlert':
        return acknowledge(command, state, now);
      case 'EscalateAlertStep':
        return escalateStep(command, state, now);
      case 'EscalateAlertOnFact':
        return escalateOnFact(command, state, now);
      case 'ResolveAlert':
        return resolve(command, state, now);
      case 'ExpireAlert':
        return expire(command, state, now);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AlertRaised':
        return {
          ...state,
          alert: event.data,
          status: 'open',
          severity: event.data.severity,
          recipients: event.data.recipients,
        };
      case 'AlertAcknowledged':
        return { ...state, status: 'acknowledged', acknowledgedBy: [...state.acknowledgedBy, event.data.by] };
      case 'AlertEscalated':
        return {
          ...state,
          status: 'escalated',
          severity: event.data.severity,
          recipients: [...state.recipients, ...event.data.addedRecipients],
          firedSteps: event.data.step === null ? state.firedSteps : [...state.firedSteps, event.data.step],
          escalatedBy: event.data.triggeringEventId
            ? [...state.escalatedBy, event.data.triggeringEventId]
            : state.escalatedBy,
        };
      case 'AlertResolved':
        return { ...state, status: 'resolved' };
      case 'AlertExpired':
        return { ...state, status: 'expired' };
      default:
        return assertNever(event);
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Timeline

export function recipientText(recipient: AlertRecipient): string {
  const where = recipient.unitId ?? recipient.municipality;
  return where ? `${recipient.unitType} ${where}` : recipient.unitType;
}

function byText(by: AcknowledgedBy): string {
  return by.unitId ?? by.unitType ?? 'a recipient';
}

/** Rule, severity, units, dates and codes only: never the facts' content beyond the reason's plain words. */
export function summarizeAlert(event: AlertEvent): string {
  const d = event.data;
  const rule = `Alert ${d.ruleId} (${ALERT_RULE_TITLES[d.ruleId]})`;
  switch (event.type) {
    case 'AlertRaised':
      return `${rule} raised, ${event.data.severity}, to ${event.data.recipients.map(recipientText).join(', ')}; due ${copenhagenDate(event.data.dueAt)}`;
    case 'AlertAcknowledged':
      return `${rule} acknowledged by ${byText(event.data.by)}${event.data.via === 'fact-arrived' ? ' (notice acknowledged)' : ''}`;
    case 'AlertEscalated': {
      const added = event.data.addedRecipients.map(recipientText);
      return `${rule} escalated to ${event.data.severity} (${event.data.reason})${added.length ? `; now also to ${added.join(', ')}` : ''}`;
    }
    case 'AlertResolved':
      return event.data.by === 'fact-arrived'
        ? `${rule} resolved: ${event.data.resolvingEventType} recorded`
        : `${rule} resolved by hand (${event.data.reason})`;
    case 'AlertExpired':
      return `${rule} expired unresolved`;
    default:
      return assertNever(event);
  }
}

export const alertProcess: ProcessDefinition<AlertCommand, AlertState, AlertEvent> = {
  name: 'alerts',
  /** NB: keyed by the alert's id, not by a citizen id (one stream per alert). */
  streamId: alertStreamId,
  decider: alertDecider,
  // The category that governs visibility is each event's data.category; the entry here fails closed (see above).
  events: {
    AlertRaised: { schemaVersion: 1, category: 'health' },
    AlertAcknowledged: { schemaVersion: 1, category: 'health' },
    AlertEscalated: { schemaVersion: 1, category: 'health' },
    AlertResolved: { schemaVersion: 1, category: 'health' },
    AlertExpired: { schemaVersion: 1, category: 'health' },
  },
  summarize: summarizeAlert,
};
