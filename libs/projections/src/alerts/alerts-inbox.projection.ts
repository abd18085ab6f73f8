import { decodeEvent } from '@hf/domain';
import { alertProcess, severityRank, type AlertEvent, type AlertRecipient } from '@hf/domain/alerts';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

const ALERT_EVENT_TYPES = new Set(Object.keys(alertProcess.events));

/**
 * The alert inbox: one row per alert with its current status, severity, recipients and due time, fed only by alert
 * events. Rebuildable from the log like every read model; timestamps come from the events, so a rebuild gives
 * the same rows.
 */
export class AlertsInboxProjection implements Projection {
  readonly name = 'alerts-inbox';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      if (!ALERT_EVENT_TYPES.has(recorded.type)) continue;
      await this.applyOne(tx, decodeEvent(recorded) as AlertEvent);
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE alerts_inbox');
  }

  private async applyOne(tx: PoolClient, event: AlertEvent): Promise<void> {
    const d = event.data;
    switch (event.type) {
      case 'AlertRaised':
        await tx.query(
          `INSERT INTO alerts_inbox (alert_id, citizen_id, rule_id, category, subject_id, status, severity, severity_rank,
             due_at, raised_at, expires_at, recipients, reason_code, reason_text, fact_event_ids, contact_channels, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $9)
           ON CONFLICT (alert_id) DO NOTHING`,
          [
            d.alertId,
            d.citizenId,
            d.ruleId,
            d.category,
            event.data.subjectId,
            event.data.severity,
            severityRank(event.data.severity),
            event.data.dueAt,
            d.occurredAt,
            event.data.expiresAt,
            JSON.stringify(event.data.recipients.map(recipientRow)),
            event.data.reason.code,
            event.data.reason.text,
            JSON.stringify(event.data.reason.factEventIds),
            JSON.stringify(event.data.contactChannels),
          ],
        );
        return;
      case 'AlertAcknowledged':
        await tx.query(
          `UPDATE alerts_inbox SET status = CASE WHEN closed_at IS NULL THEN 'acknowledged' ELSE status END,
             acknowledgements = acknowledgements || $2::jsonb, updated_at = $3
           WHERE alert_id = $1`,
          [
            d.alertId,
            JSON.stringify([{ ...event.data.by, via: event.data.via, at: d.occurredAt }]),
            d.occurredAt,
          ],
        );
        return;
      case 'AlertEscalated':
        await tx.query(
          `UPDATE alerts_inbox SET status = CASE WHEN closed_at IS NULL THEN 'escalated' ELSE status END,
             severity = $2, severity_rank = $3, recipients = recipients || $4::jsonb,
             escalations = escalations + 1, updated_at = $5
           WHERE alert_id = $1`,
          [
            d.alertId,
            event.data.severity,
            severityRank(event.data.severity),
            JSON.stringify(event.data.addedRecipients.map(recipientRow)),
            d.occurredAt,
          ],
        );
        return;
      case 'AlertResolved':
      case 'AlertExpired':
        await tx.query(
          `UPDATE alerts_inbox SET status = $2, resolution = $3, closed_at = $4, updated_at = $4 WHERE alert_id = $1`,
          [
            d.alertId,
            event.type === 'AlertResolved' ? 'resolved' : 'expired',
            JSON.stringify(
              event.type === 'AlertResolved'
                ? {
                    by: event.data.by,
                    ...(event.data.resolvingEventId ? { resolvingEventId: event.data.resolvingEventId } : {}),
                    ...(event.data.resolvingEventType
                      ? { resolvingEventType: event.data.resolvingEventType }
                      : {}),
                    ...(event.data.reason ? { reason: event.data.reason } : {}),
                  }
                : { by: 'expiry' },
            ),
            d.occurredAt,
          ],
        );
        return;
    }
  }
}

/**
 * Recipients as stored for containment queries: absent fields are omitted (so `{unitType, municipality}` matches a
 * recipient with a contact too).
 */
function recipientRow(recipient: AlertRecipient): AlertRecipient {
  return {
    unitType: recipient.unitType,
    ...(recipient.municipality ? { municipality: recipient.municipality } : {}),
    ...(recipient.unitId ? { unitId: recipient.unitId } : {}),
    ...(recipient.contact ? { contact: recipient.contact } : {}),
  };
}
