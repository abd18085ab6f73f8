import { categoryOf, isDomainEventType } from '@hf/domain';
import { alertProcess, type AlertRecipient } from '@hf/domain/alerts';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { Projection } from '../projection';
import { addressedTo } from './recipients';

export const ALERT_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(alertProcess.events));

/** Namespace of delivery ids (= webhook-id); any fixed UUID, never changed, so a retried batch names the same row. */
const DELIVERY_ID_NAMESPACE = '3f7c2a1e-8d4b-4c6a-9e2f-5b1d0a7c3e94';

interface ActiveSubscription {
  subscription_id: string;
  unit_id: string;
  unit_type: string;
  municipality: string | null;
  alert_rules: string[] | null;
  event_types: string[];
}

interface ItemRow {
  eventId: string;
  type: string;
  citizenId: string;
  alertId: string | null;
  ruleId: string | null;
  severity: string | null;
  category: string;
  recipients: AlertRecipient[];
  factEventIds: string[];
}

/**
 * Turns log events into notification items and, in the same transaction as the projection's checkpoint, one
 * outbox row per matching webhook subscription (transactional outbox: an item is queued exactly when the
 * checkpoint passes its event). Whether the unit may see the item is NOT decided here but at delivery and read
 * time, so a consent withdrawn after queueing still withholds it.
 *
 * A subscription receives items from its creation on: the projection matches against the subscriptions active
 * when it applies the event (replay re-queues older deliveries; it does not back-fill).
 */
export class NotificationItemsProjection implements Projection {
  readonly name = 'notification-items';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    const { rows: subscriptions } = await tx.query<ActiveSubscription>(
      `SELECT subscription_id, unit_id, unit_type, municipality, alert_rules, event_types
         FROM webhook_subscriptions WHERE status = 'active'`,
    );
    const subscribedTypes = new Set(subscriptions.flatMap((s) => s.event_types));
    for (const event of events) {
      if (ALERT_EVENT_TYPES.has(event.type)) {
        const item = await this.alertItem(tx, event);
        if (item)
          await this.store(
            tx,
            event,
            item,
            subscriptions.filter((s) => alertMatches(s, item)),
          );
      } else if (subscribedTypes.has(event.type) && typeof event.data.citizenId === 'string') {
        if (!isDomainEventType(event.type)) continue;
        const item: ItemRow = {
          eventId: event.id,
          type: event.type,
          citizenId: event.data.citizenId,
          alertId: null,
          ruleId: null,
          severity: null,
          category: categoryOf(event.type),
          recipients: [],
          factEventIds: [],
        };
        await this.store(
          tx,
          event,
          item,
          subscriptions.filter((s) => s.event_types.includes(event.type)),
        );
      }
    }
  }

  /**
   * Items and deliveries are an outbox and the feed's cursors, not a read model: a rebuild keeps them (the unique
   * event id makes re-applied events no-ops), so nothing is sent twice and no cursor changes meaning.
   */
  async reset(_tx: PoolClient): Promise<void> {}

  /** The alert's recipients after this event (an escalation adds some), kept in notification_alerts. */
  private async alertItem(tx: PoolClient, event: RecordedEvent): Promise<ItemRow | null> {
    const d = event.data as {
      alertId: string;
      citizenId: string;
      ruleId: string;
      category: string;
      severity?: string;
      recipients?: AlertRecipient[];
      addedRecipients?: AlertRecipient[];
      reason?: { factEventIds: string[] };
    };
    if (event.type === 'AlertRaised') {
      await tx.query(
        `INSERT INTO notification_alerts (alert_id, rule_id, severity, category, recipients, fact_event_ids)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (alert_id) DO NOTHING`,
        [
          d.alertId,
          d.ruleId,
          d.severity,
          d.category,
          JSON.stringify(d.recipients ?? []),
          d.reason?.factEventIds ?? [],
        ],
      );
    } else if (event.type === 'AlertEscalated') {
      await tx.query(
        // Only recipients not there yet: re-applying the event (a rebuild) must not grow the list.
        `UPDATE notification_alerts SET severity = $2,
           recipients = recipients || (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM jsonb_array_elements($3::jsonb) r
                                        WHERE NOT recipients @> jsonb_build_array(r))
         WHERE alert_id = $1`,
        [d.alertId, d.severity, JSON.stringify(d.addedRecipients ?? [])],
      );
    }
    const { rows } = await tx.query<{
      rule_id: string;
      severity: string;
      category: string;
      recipients: AlertRecipient[];
      fact_event_ids: string[];
    }>('SELECT * FROM notification_alerts WHERE alert_id = $1', [d.alertId]);
    const alert = rows[0];
    if (!alert) return null; // an alert raised before this projection existed: nothing to address it to
    return {
      eventId: event.id,
      type: event.type,
      citizenId: d.citizenId,
      alertId: d.alertId,
      ruleId: alert.rule_id,
      severity: alert.severity,
      category: alert.category,
      recipients: alert.recipients,
      factEventIds: alert.fact_event_ids,
    };
  }

  private async store(
    tx: PoolClient,
    event: RecordedEvent,
    item: ItemRow,
    subscriptions: readonly ActiveSubscription[],
  ): Promise<void> {
    const inserted = await tx.query<{ item_id: string }>(
      `INSERT INTO notification_items (event_id, type, citizen_id, alert_id, rule_id, severity, category, recipients,
         fact_event_ids, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (event_id) DO NOTHING RETURNING item_id`,
      [
        item.eventId,
        item.type,
        item.citizenId,
        item.alertId,
        item.ruleId,
        item.severity,
        item.category,
        JSON.stringify(item.recipients),
        item.factEventIds,
        event.occurredAt,
        event.recordedAt,
      ],
    );
    const itemId = inserted.rows[0]?.item_id;
    if (itemId === undefined || subscriptions.length === 0) return;
    await tx.query(
      `INSERT INTO webhook_deliveries (delivery_id, subscription_id, item_id, citizen_id)
       SELECT d, s, $3, $4 FROM unnest($1::uuid[], $2::uuid[]) AS x(d, s)
       ON CONFLICT (subscription_id, item_id) DO NOTHING`,
      [
        subscriptions.map((s) => uuidv5(`${s.subscription_id}|${item.eventId}`, DELIVERY_ID_NAMESPACE)),
        subscriptions.map((s) => s.subscription_id),
        itemId,
        item.citizenId,
      ],
    );
  }
}

function alertMatches(subscription: ActiveSubscription, item: ItemRow): boolean {
  if (subscription.alert_rules !== null && !subscription.alert_rules.includes(item.ruleId ?? ''))
    return false;
  return addressedTo(item.recipients, {
    unitId: subscription.unit_id,
    unitType: subscription.unit_type,
    municipality: subscription.municipality,
  });
}
