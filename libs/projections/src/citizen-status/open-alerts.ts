import type { PoolClient } from 'pg';

export interface OpenAlertRef {
  alertId: string;
  rule: string | null;
  severity: string | null;
  status: string | null;
  dueAt: string | null;
  /** visibility category of the facts behind the alert; not shown, used to filter */
  category: string | null;
  /** unit ids the alert is addressed to, for the access policy's "own" rule */
  recipientUnitIds: string[];
}

const OPEN = new Set(['open', 'acknowledged', 'escalated']);

/** A timestamp from JSON (PostgreSQL writes `+00:00`) as an ISO instant; anything else as it is. */
function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(String(value));
  return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString();
}

type Db = Pick<PoolClient, 'query'>;

/**
 * The type of `alerts_inbox.citizen_id` as seen on a connection (or pool). A connection keeps its database and
 * search path, so once the column has been found the catalog need not be asked again on every summary. Only a
 * found column is remembered: a missing table is asked for again, so that a table made later is noticed.
 */
const inboxColumnType = new WeakMap<Db, string>();

async function findInboxColumn(db: Db): Promise<string | null> {
  const known = inboxColumnType.get(db);
  if (known !== undefined) return known;
  const column = await db.query<{ data_type: string }>(
    `SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'alerts_inbox' AND column_name = 'citizen_id'`,
  );
  if (column.rows.length === 0) return null;
  inboxColumnType.set(db, column.rows[0].data_type);
  return column.rows[0].data_type;
}

/**
 * The citizen's open alerts, when the alerts read model exists. The alert inbox is built by another read model
 * (table `alerts_inbox`); this summary must not depend on it, so it looks the table up first, reads its rows as
 * JSON without assuming columns beyond `citizen_id`, and answers an empty list when the table (or that column) is
 * missing or unreadable. `alerts_inbox` is not in this read model's migrations on purpose.
 *
 * The look-up is remembered per connection. Should the table go away after it was found, the read fails once,
 * is answered with an empty list and the look-up is forgotten. Inside a transaction that failure aborts the
 * transaction (PostgreSQL has no way to read a table that may be missing without risking it, short of a
 * savepoint on every call), so a read snapshot reads the alerts last: a later query would fail, not go wrong.
 */
export async function readOpenAlerts(db: Db, citizenIds: readonly string[]): Promise<OpenAlertRef[]> {
  try {
    const columnType = await findInboxColumn(db);
    if (columnType === null) return [];
    // A uuid column is matched as uuid so that an index on it serves the look-up.
    const match =
      columnType === 'uuid' ? 'a.citizen_id = ANY($1::uuid[])' : 'a.citizen_id::text = ANY($1::text[])';
    const { rows } = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(a) AS row FROM alerts_inbox a WHERE ${match}`,
      [citizenIds],
    );
    const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    return rows
      .map(({ row }) => ({
        alertId: text(row.alert_id ?? row.id) ?? '',
        rule: text(row.rule ?? row.rule_id),
        severity: text(row.severity),
        status: text(row.status ?? row.state),
        dueAt: instant(row.due_at),
        category: text(row.category),
        recipientUnitIds: Array.isArray(row.recipients)
          ? (row.recipients as { unitId?: unknown }[])
              .map((r) => r.unitId)
              .filter((u): u is string => typeof u === 'string')
          : [],
      }))
      .filter((a) => a.status === null || OPEN.has(a.status))
      .sort(
        (a, b) =>
          (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.alertId.localeCompare(b.alertId),
      );
  } catch {
    inboxColumnType.delete(db);
    return [];
  }
}
