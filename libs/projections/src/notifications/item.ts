import type { AlertRecipient } from '@hf/domain/alerts';

/** One row of notification_items, as the dispatcher and the feed read it. */
export interface NotificationItem {
  item_id: string;
  event_id: string;
  type: string;
  citizen_id: string;
  alert_id: string | null;
  rule_id: string | null;
  severity: string | null;
  category: string;
  recipients: AlertRecipient[];
  fact_event_ids: string[];
  occurred_at: Date;
  recorded_at: Date;
}

/**
 * SQL condition: the timeline read model already holds what access is judged on (the item's own event, or the
 * facts an alert cites). Until then the item waits instead of being judged on lagging data and withheld wrongly.
 */
export function timelineReadySql(alias: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM unnest(CASE WHEN ${alias}.alert_id IS NULL THEN ARRAY[${alias}.event_id] ELSE ${alias}.fact_event_ids END) AS w(id)
     WHERE NOT EXISTS (SELECT 1 FROM timeline_entries te WHERE te.event_id = w.id))`;
}
