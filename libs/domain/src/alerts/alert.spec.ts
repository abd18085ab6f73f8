import { SPEC_NOW, specFor } from '../testing/given-when-then';
import {
  alertDecider,
  alertProcess,
  AlertRaised,
  AlertRaisedData,
  raiseSeverity,
  summarizeAlert,
  type AlertEvent,
} from './alert';

const given = specFor(alertDecider);
const at = (iso: string) => new Date(iso);
const NOW_ISO = SPEC_NOW.toISOString();

const raisedData: AlertRaisedData = {
  citizenId: 'c-1',
  occurredAt: NOW_ISO,
  alertId: 'alert-1',
  ruleId: 'A2',
  category: 'shelter',
  subjectId: 'stay-1',
  refs: {},
  triggeringEventId: 'evt-admission',
  recipients: [{ unitType: 'shelter', unitId: 'shelter-kollegiet', municipality: '101' }],
  severity: 'info',
  dueAt: '2026-03-05T23:00:00.000Z',
  reason: { code: 'handlekommune-notice-due', text: '§110 admission', factEventIds: ['evt-admission'] },
  escalation: [
    {
      step: 1,
      at: '2026-03-05T23:00:00.000Z',
      when: 'unresolved',
      severity: 'high',
      addRecipients: [{ unitType: 'social-authority', municipality: '101' }],
      reason: 'notification-deadline-breached',
    },
    {
      step: 2,
      at: '2026-03-06T23:00:00.000Z',
      when: 'unacknowledged',
      severity: 'critical',
      addRecipients: [],
      reason: 'unacknowledged',
    },
  ],
  expiresAt: '2026-04-04T22:00:00.000Z',
  contactChannels: [],
};
const raised: AlertRaised = { type: 'AlertRaised', data: raisedData };
const { occurredAt: _o, ...raiseInput } = raisedData;
const base = { citizenId: 'c-1', alertId: 'alert-1', ruleId: 'A2' as const, category: 'shelter' as const };
const acknowledged = (unitId: string | null = 'shelter-kollegiet'): AlertEvent => ({
  type: 'AlertAcknowledged',
  data: { ...base, occurredAt: NOW_ISO, by: { unitType: 'shelter', unitId }, via: 'inbox' },
});
const resolved: AlertEvent = {
  type: 'AlertResolved',
  data: { ...base, occurredAt: NOW_ISO, by: 'manual', reason: 'handled' },
};

describe('alert lifecycle (decider)', () => {
  describe('raise', () => {
    it('raises an alert once; raising the same alert again is a replay', () => {
      given([]).when({ type: 'RaiseAlert', occurredAt: SPEC_NOW, alert: raiseInput }).then([raised]);
      given([raised]).when({ type: 'RaiseAlert', occurredAt: SPEC_NOW, alert: raiseInput }).then([]);
    });

    it('refuses an alert without recipients, and a plan that lowers the severity', () => {
      given([])
        .when({ type: 'RaiseAlert', occurredAt: SPEC_NOW, alert: { ...raiseInput, recipients: [] } })
        .thenThrows('alert-without-recipients', 'rule-violation');
      const lowering = raiseInput.escalation.map((s) => ({ ...s, severity: 'info' as const }));
      given([])
        .when({
          type: 'RaiseAlert',
          occurredAt: SPEC_NOW,
          alert: { ...raiseInput, severity: 'warning', escalation: lowering },
        })
        .thenThrows('invalid-escalation-plan', 'rule-violation');
      given([])
        .when({ type: 'RaiseAlert', occurredAt: SPEC_NOW, alert: { ...raiseInput, dueAt: 'tomorrow' } })
        .thenThrows('invalid-alert-time', 'rule-violation');
    });

    it('refuses another alert in a stream that holds one', () => {
      given([raised])
        .when({ type: 'RaiseAlert', occurredAt: SPEC_NOW, alert: { ...raiseInput, alertId: 'alert-2' } })
        .thenThrows('alert-stream-taken', 'conflict');
    });
  });

  describe('acknowledge', () => {
    it('records who acknowledged', () => {
      given([raised])
        .when({
          type: 'AcknowledgeAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: { unitType: 'shelter', unitId: 'shelter-kollegiet' },
          via: 'inbox',
        })
        .then([acknowledged()]);
    });

    it('accepts an acknowledgement that names no unit (until authentication binds it)', () => {
      given([raised])
        .when({
          type: 'AcknowledgeAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: { unitType: null, unitId: null },
          via: 'inbox',
        })
        .then([
          {
            type: 'AlertAcknowledged',
            data: { ...base, occurredAt: NOW_ISO, by: { unitType: null, unitId: null }, via: 'inbox' },
          },
        ]);
    });

    it('refuses a unit that is not a recipient, a second acknowledgement by the same unit, and a closed alert', () => {
      const ack = (unitType: 'benefits' | 'shelter', unitId: string | null) => ({
        type: 'AcknowledgeAlert' as const,
        alertId: 'alert-1',
        occurredAt: SPEC_NOW,
        by: { unitType, unitId },
        via: 'inbox' as const,
      });
      given([raised]).when(ack('benefits', null)).thenThrows('not-a-recipient', 'rule-violation');
      given([raised]).when(ack('shelter', 'another-shelter')).thenThrows('not-a-recipient', 'rule-violation');
      given([raised, acknowledged()])
        .when(ack('shelter', 'shelter-kollegiet'))
        .thenThrows('alert-already-acknowledged', 'conflict');
      given([raised, resolved])
        .when(ack('shelter', 'shelter-kollegiet'))
        .thenThrows('alert-closed', 'conflict');
      given([]).when(ack('shelter', null)).thenThrows('alert-not-found', 'not-found');
    });

    it('lets a unit added by an escalation acknowledge', () => {
      const escalated: AlertEvent = {
        type: 'AlertEscalated',
        data: {
          ...base,
          occurredAt: NOW_ISO,
          step: 1,
          trigger: 'timer',
          reason: 'notification-deadline-breached',
          severity: 'high',
          addedRecipients: [{ unitType: 'social-authority', municipality: '101' }],
        },
      };
      const events = alertDecider.decide(
        {
          type: 'AcknowledgeAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: { unitType: 'social-authority', unitId: null },
          via: 'inbox',
        },
        [raised, escalated].reduce(alertDecider.evolve, alertDecider.initialState()),
        SPEC_NOW,
      );
      expect(events.map((e) => e.type)).toEqual(['AlertAcknowledged']);
    });
  });

  describe('escalate', () => {
    const step = (n: number, now = at('2026-03-07T00:00:00Z')) => ({
      type: 'EscalateAlertStep' as const,
      alertId: 'alert-1',
      occurredAt: now,
      step: n,
    });
    const later = specFor(alertDecider, at('2026-03-07T00:00:00Z'));

    it('fires a due step once: severity up, new recipients added', () => {
      const expected: AlertEvent = {
        type: 'AlertEscalated',
        data: {
          ...base,
          occurredAt: '2026-03-07T00:00:00.000Z',
          step: 1,
          trigger: 'timer',
          reason: 'notification-deadline-breached',
          severity: 'high',
          addedRecipients: [{ unitType: 'social-authority', municipality: '101' }],
        },
      };
      later([raised]).when(step(1)).then([expected]);
      later([raised, expected]).when(step(1)).then([]);
    });

    it('skips an unacknowledged-only step when someone acknowledged', () => {
      later([raised, acknowledged()]).when(step(2)).then([]);
      expect(
        alertDecider.decide(
          step(2),
          [raised].reduce(alertDecider.evolve, alertDecider.initialState()),
          at('2026-03-07T00:00:00Z'),
        ),
      ).toHaveLength(1);
    });

    it('refuses a step before its time, an unknown step, and a closed alert', () => {
      given([raised]).when(step(1, SPEC_NOW)).thenThrows('escalation-not-due', 'rule-violation');
      later([raised]).when(step(3)).thenThrows('escalation-step-unknown', 'rule-violation');
      later([raised, resolved]).when(step(1)).thenThrows('alert-closed', 'conflict');
    });

    it('escalates on a fact once per fact, never lowering the severity', () => {
      const onFact = {
        type: 'EscalateAlertOnFact' as const,
        alertId: 'alert-1',
        occurredAt: SPEC_NOW,
        triggeringEventId: 'evt-lapsed',
        reason: 'offer-lapsed-before-decision',
        severity: 'critical' as const,
        addRecipients: [{ unitType: 'shelter' as const, unitId: 'shelter-kollegiet', municipality: '101' }],
      };
      const expected: AlertEvent = {
        type: 'AlertEscalated',
        data: {
          ...base,
          occurredAt: NOW_ISO,
          step: null,
          trigger: 'fact-arrived',
          triggeringEventId: 'evt-lapsed',
          reason: 'offer-lapsed-before-decision',
          severity: 'critical',
          addedRecipients: [], // the shelter already is a recipient
        },
      };
      given([raised]).when(onFact).then([expected]);
      given([raised, expected]).when(onFact).then([]);
      const lower = alertDecider.decide(
        { ...onFact, triggeringEventId: 'evt-other', severity: 'info' },
        [raised, expected].reduce(alertDecider.evolve, alertDecider.initialState()),
        SPEC_NOW,
      );
      expect(lower[0].type === 'AlertEscalated' && lower[0].data.severity).toBe('critical');
    });
  });

  describe('resolve and expire', () => {
    it('resolves by a fact, naming it, or by hand, with a reason', () => {
      given([raised])
        .when({
          type: 'ResolveAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: 'fact-arrived',
          resolvingEventId: 'evt-notified',
          resolvingEventType: 'HandlekommuneNotified',
        })
        .then([
          {
            type: 'AlertResolved',
            data: {
              ...base,
              occurredAt: NOW_ISO,
              by: 'fact-arrived',
              resolvingEventId: 'evt-notified',
              resolvingEventType: 'HandlekommuneNotified',
            },
          },
        ]);
      given([raised])
        .when({
          type: 'ResolveAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: 'manual',
          reason: 'handled',
        })
        .then([resolved]);
    });

    it('refuses a manual resolution without a reason, a fact without its event, and a closed alert', () => {
      given([raised])
        .when({ type: 'ResolveAlert', alertId: 'alert-1', occurredAt: SPEC_NOW, by: 'manual' })
        .thenThrows('resolution-reason-required', 'rule-violation');
      given([raised])
        .when({ type: 'ResolveAlert', alertId: 'alert-1', occurredAt: SPEC_NOW, by: 'fact-arrived' })
        .thenThrows('resolving-event-required', 'rule-violation');
      given([raised, resolved])
        .when({
          type: 'ResolveAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: 'manual',
          reason: 'duplicate',
        })
        .thenThrows('alert-closed', 'conflict');
      given([])
        .when({
          type: 'ResolveAlert',
          alertId: 'alert-1',
          occurredAt: SPEC_NOW,
          by: 'manual',
          reason: 'duplicate',
        })
        .thenThrows('alert-not-found', 'not-found');
    });

    it('expires an open alert at its expiry, not before', () => {
      const after = at('2026-04-05T00:00:00Z');
      specFor(
        alertDecider,
        after,
      )([raised])
        .when({ type: 'ExpireAlert', alertId: 'alert-1', occurredAt: after })
        .then([
          {
            type: 'AlertExpired',
            data: { ...base, occurredAt: after.toISOString(), expiresAt: raisedData.expiresAt as string },
          },
        ]);
      given([raised])
        .when({ type: 'ExpireAlert', alertId: 'alert-1', occurredAt: SPEC_NOW })
        .thenThrows('alert-not-expired', 'rule-violation');
      specFor(
        alertDecider,
        after,
      )([raised, resolved])
        .when({ type: 'ExpireAlert', alertId: 'alert-1', occurredAt: after })
        .thenThrows('alert-closed', 'conflict');
    });

    it('refuses an occurredAt in the future', () => {
      given([raised])
        .when({
          type: 'ResolveAlert',
          alertId: 'alert-1',
          occurredAt: at('2026-03-03T00:00:00Z'),
          by: 'manual',
          reason: 'handled',
        })
        .thenThrows('occurred-in-future', 'rule-violation');
    });
  });

  it('moves through the statuses', () => {
    const state = [raised, acknowledged()].reduce(alertDecider.evolve, alertDecider.initialState());
    expect(state.status).toBe('acknowledged');
    expect([raised, resolved].reduce(alertDecider.evolve, alertDecider.initialState()).status).toBe(
      'resolved',
    );
    expect(raiseSeverity('high')).toBe('critical');
    expect(raiseSeverity('critical')).toBe('critical');
  });

  it('summarises without personal data and registers its events as health data (fail closed)', () => {
    expect(summarizeAlert(raised)).toBe(
      'Alert A2 (shelter notification duty) raised, info, to shelter shelter-kollegiet; due 2026-03-06',
    );
    expect(summarizeAlert(resolved)).toBe('Alert A2 (shelter notification duty) resolved by hand (handled)');
    expect(Object.values(alertProcess.events).every((info) => info.category === 'health')).toBe(true);
    expect(alertProcess.streamId('alert-1')).toBe('alert-alert-1');
  });
});
