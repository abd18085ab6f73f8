/** A queued delivery as the ordering rule sees it. */
export interface QueuedDelivery {
  subscriptionId: string;
  citizenId: string;
  itemId: bigint;
  status: 'pending' | 'delivered' | 'dead' | 'withheld';
}

/**
 * In-order delivery per citizen per subscription: an item may be sent only when no earlier item of the same citizen
 * to the same subscription is still pending (delivered, dead and withheld ones no longer hold it back). The claim
 * query in the dispatcher is this rule in SQL; this function states it for the spec.
 */
export function maySend(candidate: QueuedDelivery, queue: readonly QueuedDelivery[]): boolean {
  return !queue.some(
    (d) =>
      d.subscriptionId === candidate.subscriptionId &&
      d.citizenId === candidate.citizenId &&
      d.itemId < candidate.itemId &&
      d.status === 'pending',
  );
}

/** The claim query's condition, kept next to the rule it implements. */
export const IN_ORDER_SQL = `NOT EXISTS (
  SELECT 1 FROM webhook_deliveries p
   WHERE p.subscription_id = d.subscription_id AND p.citizen_id = d.citizen_id
     AND p.item_id < d.item_id AND p.status = 'pending')`;
