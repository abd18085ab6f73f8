import { addWorkingDays } from '../../calendar';
import { UNIT_TYPES, type AlertRecipient, type UnitType } from '../alert';
import { AlertRule, cite, DAY_MS, plusMs } from '../rule';
import { ALERT_THRESHOLDS } from '../thresholds';

const T = ALERT_THRESHOLDS.A15;

/**
 * A15 Break-glass read (DOMAIN.md §3: "is logged, and notifies the owning unit"): a social-authority caseworker
 * opened a citizen's whole record in an emergency. Each unit that owns data the caseworker could not otherwise
 * see is told, so it can question the read. The reason is on record in the grant; the alert text does not repeat
 * it (it may hold health details the recipients need not share). Nothing resolves it but a recipient.
 */
export const a15BreakGlassRead: AlertRule = {
  id: 'A15',
  triggers: ['BreakGlassAccessGranted'],

  raise(trigger, _facts, now) {
    const { event } = trigger;
    if (event.type !== 'BreakGlassAccessGranted') return null;
    const recipients: AlertRecipient[] = event.data.owningUnits
      .filter((u): u is { unitId: string; unitType: UnitType } =>
        (UNIT_TYPES as readonly string[]).includes(u.unitType),
      )
      .map((u) => ({ unitType: u.unitType, unitId: u.unitId }));
    if (recipients.length === 0) return null;
    return {
      subjectId: event.data.grantId,
      refs: {},
      category: 'identity',
      recipients,
      severity: 'warning',
      dueAt: addWorkingDays(now, T.dueWorkingDays).toISOString(),
      reason: {
        code: 'break-glass-read',
        text: `Break-glass read of the whole record by ${event.data.unitId} until ${event.data.expiresAt}, including data your unit recorded; the reason is on record.`,
        factEventIds: cite(trigger.eventId),
      },
      escalation: [],
      expiresAt: plusMs(event.data.occurredAt, T.expiresAfterDays * DAY_MS),
      contactChannels: [],
    };
  },

  resolvesOn: [],
};
