import { CloudEvent } from 'cloudevents';
import type { NotificationItem } from './item';

const ALERT_TYPES: Record<string, string> = {
  AlertRaised: 'raised',
  AlertAcknowledged: 'acknowledged',
  AlertEscalated: 'escalated',
  AlertResolved: 'resolved',
  AlertExpired: 'expired',
};

/** What an item says, the same in a webhook body and on the feed: ids, rule, severity and a link, nothing more. */
export interface NotificationData {
  alertId?: string;
  ruleId?: string;
  severity?: string;
  eventId: string;
  eventType: string;
  links: { self: string };
}

/**
 * The item as a CloudEvents 1.0 event. Thin by design (DOMAIN.md §7): no reason text, no health detail, no name or
 * CPR; `subject` is the citizen's random id. The receiver fetches details through the access-controlled API.
 */
export function toCloudEvent(item: NotificationItem, source: string): CloudEvent<NotificationData> {
  const alert = item.alert_id !== null;
  return new CloudEvent<NotificationData>({
    id: item.event_id,
    source,
    type: alert
      ? `dk.housingfirst.alert.${ALERT_TYPES[item.type] ?? 'changed'}`
      : `dk.housingfirst.event.${kebab(item.type)}`,
    time: new Date(item.occurred_at).toISOString(),
    subject: item.citizen_id,
    datacontenttype: 'application/json',
    data: alert
      ? {
          alertId: item.alert_id!,
          ruleId: item.rule_id ?? undefined,
          severity: item.severity ?? undefined,
          eventId: item.event_id,
          eventType: item.type,
          links: { self: `/alerts?citizenId=${item.citizen_id}&status=all` },
        }
      : {
          eventId: item.event_id,
          eventType: item.type,
          links: { self: `/citizens/${item.citizen_id}/timeline` },
        },
  });
}

function kebab(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
