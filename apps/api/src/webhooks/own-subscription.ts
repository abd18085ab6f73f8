import type { Pool } from 'pg';
import { ProblemException } from '../http/problem';
import type { RequestContext } from '../http/request-context';
import type { SubscriptionRow } from './subscription.response';

/**
 * The caller's unit's subscription, or 404: another unit's subscription answers exactly like an unknown id, so a
 * unit cannot learn which others subscribe. Deleted subscriptions are gone for the API.
 */
export async function ownSubscription(
  pool: Pool,
  subscriptionId: string,
  ctx: RequestContext,
): Promise<SubscriptionRow & { secrets: unknown }> {
  const { rows } = await pool.query<SubscriptionRow & { secrets: unknown }>(
    `SELECT * FROM webhook_subscriptions WHERE subscription_id = $1 AND unit_id = $2 AND status <> 'deleted'`,
    [subscriptionId, ctx.principal.unit],
  );
  if (!rows[0])
    throw ProblemException.of(404, 'not-found', 'Not found', 'No such webhook subscription for your unit.');
  return rows[0];
}
