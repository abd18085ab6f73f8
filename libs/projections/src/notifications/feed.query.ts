import type { Pool } from 'pg';
import { ALERT_EVENT_TYPES } from './notification-items.projection';
import { timelineReadySql, type NotificationItem } from './item';
import { recipientPatterns, type AddressedUnit } from './recipients';

/**
 * The unit's items after a cursor, in item order. The page ends before the first item the timeline is not ready
 * to judge: the cursor must never pass an item that could still turn out visible, or the reader would lose it.
 */
export async function readFeedItems(
  pool: Pool,
  unit: AddressedUnit,
  after: bigint,
  limit: number,
): Promise<NotificationItem[]> {
  const patterns = recipientPatterns(unit);
  const { rows } = await pool.query<NotificationItem & { ready: boolean }>(
    `SELECT i.*, ${timelineReadySql('i')} AS ready FROM notification_items i
      WHERE i.item_id > $1 AND i.type = ANY($2::text[])
        AND (${patterns.map((_, n) => `i.recipients @> $${n + 4}::jsonb`).join(' OR ')})
      ORDER BY i.item_id LIMIT $3`,
    [after.toString(), [...ALERT_EVENT_TYPES], limit, ...patterns],
  );
  const notReady = rows.findIndex((r) => !r.ready);
  return (notReady === -1 ? rows : rows.slice(0, notReady)).map(({ ready: _ready, ...item }) => item);
}
