import type { AlertContactChannel, AlertRecipient, AlertSeverity, AlertStatus } from '@hf/domain/alerts';
import type { PoolClient } from 'pg';

export const INBOX_STATUS_FILTERS = [
  'open',
  'acknowledged',
  'escalated',
  'resolved',
  'expired',
  /** open, acknowledged or escalated: everything still to act on */
  'active',
  /** resolved or expired */
  'closed',
  'all',
] as const;
export type InboxStatusFilter = (typeof INBOX_STATUS_FILTERS)[number];

export const INBOX_SORTS = ['urgency', 'newest'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxFilter {
  unitType?: string;
  municipality?: string;
  unitId?: string;
  status: InboxStatusFilter;
  ruleId?: string;
  citizenId?: string;
  /** recipient patterns of which one must match (JSON containment on `recipients`) */
  addressedTo?: Record<string, string>[];
  sort: InboxSort;
  limit: number;
  cursor?: string;
}

export interface InboxRow {
  alert_id: string;
  citizen_id: string;
  rule_id: string;
  category: string;
  subject_id: string;
  status: AlertStatus;
  severity: AlertSeverity;
  severity_rank: number;
  due_at: Date;
  raised_at: Date;
  expires_at: Date | null;
  recipients: AlertRecipient[];
  reason_code: string;
  reason_text: string;
  fact_event_ids: string[];
  contact_channels: AlertContactChannel[];
  escalations: number;
  acknowledgements: Array<{ unitType: string | null; unitId: string | null; via: string; at: string }>;
  resolution: Record<string, string> | null;
  closed_at: Date | null;
  updated_at: Date;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this endpoint issued');
    this.name = 'InvalidCursorError';
  }
}

type UrgencyKey = { s: 'urgency'; r: number; d: string; id: string };
type NewestKey = { s: 'newest'; t: string; id: string };

function encodeCursor(key: UrgencyKey | NewestKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string, sort: InboxSort): UrgencyKey | NewestKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const k = (key ?? {}) as { s?: unknown; id?: unknown; r?: unknown; d?: unknown; t?: unknown };
  const valid =
    typeof key === 'object' &&
    k.s === sort &&
    typeof k.id === 'string' &&
    UUID.test(k.id) &&
    (sort === 'urgency'
      ? Number.isInteger(k.r) && typeof k.d === 'string' && !Number.isNaN(Date.parse(k.d))
      : typeof k.t === 'string' && !Number.isNaN(Date.parse(k.t)));
  if (!valid) throw new InvalidCursorError();
  return key as UrgencyKey | NewestKey;
}

/**
 * A page of the inbox. Urgency order: severity (critical first), then the earliest due time, then the id; newest
 * order: the latest raised first. Keyset paging: the cursor names the last row of the previous page, so a page
 * never repeats or skips an alert while new ones arrive (an alert whose severity changes between pages may move).
 */
export async function readAlertsInbox(
  db: Pick<PoolClient, 'query'>,
  filter: InboxFilter,
): Promise<{ rows: InboxRow[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const recipient = {
    ...(filter.unitType ? { unitType: filter.unitType } : {}),
    ...(filter.municipality ? { municipality: filter.municipality } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
  };
  if (Object.keys(recipient).length > 0)
    where.push(`recipients @> ${param(JSON.stringify([recipient]))}::jsonb`);
  // The caller's own inbox: alerts addressed to its unit by id, or to its unit type in its municipality.
  if (filter.addressedTo && filter.addressedTo.length > 0)
    where.push(
      `(${filter.addressedTo.map((r) => `recipients @> ${param(JSON.stringify([r]))}::jsonb`).join(' OR ')})`,
    );
  if (filter.status === 'active') where.push(`status IN ('open', 'acknowledged', 'escalated')`);
  else if (filter.status === 'closed') where.push(`status IN ('resolved', 'expired')`);
  else if (filter.status !== 'all') where.push(`status = ${param(filter.status)}`);
  if (filter.ruleId) where.push(`rule_id = ${param(filter.ruleId)}`);
  if (filter.citizenId) where.push(`citizen_id = ${param(filter.citizenId)}::uuid`);

  if (filter.cursor) {
    const key = decodeCursor(filter.cursor, filter.sort);
    if (key.s === 'urgency') {
      where.push(
        `(-severity_rank, due_at, alert_id) > (${param(-key.r)}::int, ${param(key.d)}::timestamptz, ${param(key.id)}::uuid)`,
      );
    } else {
      where.push(`(raised_at, alert_id) < (${param(key.t)}::timestamptz, ${param(key.id)}::uuid)`);
    }
  }
  const order =
    filter.sort === 'urgency' ? 'severity_rank DESC, due_at, alert_id' : 'raised_at DESC, alert_id DESC';
  const { rows } = await db.query<InboxRow>(
    `SELECT * FROM alerts_inbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ${param(filter.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor(
          filter.sort === 'urgency'
            ? { s: 'urgency', r: last.severity_rank, d: last.due_at.toISOString(), id: last.alert_id }
            : { s: 'newest', t: last.raised_at.toISOString(), id: last.alert_id },
        )
      : null;
  return { rows: page, nextCursor };
}

export async function readAlert(db: Pick<PoolClient, 'query'>, alertId: string): Promise<InboxRow | null> {
  const { rows } = await db.query<InboxRow>('SELECT * FROM alerts_inbox WHERE alert_id = $1', [alertId]);
  return rows[0] ?? null;
}
