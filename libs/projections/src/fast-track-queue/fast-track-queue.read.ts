import type { PoolClient } from 'pg';
import {
  copenhagenDate,
  daysBetween,
  endOfCopenhagenDay,
  wholeHoursBetween,
} from '../read-model-time/read-model-time';

type Db = Pick<PoolClient, 'query'>;

/**
 * Which applications the fast-track queue holds (DOMAIN.md §6 rule A3: a deposit or moving-expense need next to
 * a housing offer). A furniture grant (aktivloven §81) does not stand between a citizen and a lease, so it
 * waits in the ordinary queue. Configurable: add a kind here, not in the query.
 */
export const FAST_TRACK_QUEUE_KINDS: readonly string[] = Object.freeze([
  'beboerindskudslan',
  'moving-expenses',
]);

export interface FastTrackQueueCursor {
  /** the sort deadline (YYYY-MM-DD, or 'infinity' for an application whose offer has not been seen) */
  deadline: string;
  submittedAt: string;
  applicationId: string;
  citizenId: string;
}

export interface Duration {
  /** whole hours (rounded down; negative when the moment has passed) */
  hours: number;
  /** whole days */
  days: number;
}

export interface FastTrackQueueItem {
  applicationId: string;
  citizenId: string;
  kind: string;
  legalBasis: string;
  amountKr: number;
  decidingMunicipality: string;
  submittedAt: Date;
  fastTracked: boolean;
  fastTrackedAt: Date | null;
  fastTrackReason: string | null;
  linkedOfferId: string | null;
  /** offered, accepted, declined, lapsed, lease-signed; null when not linked or the offer is not known */
  offerStatus: string | null;
  /** the earliest known lease-signing deadline: the application's own or its linked offer's */
  leaseSigningDeadline: string | null;
  deadlineSource: 'application' | 'housing-offer' | null;
  /** the end of the deadline day in Copenhagen */
  deadlineAt: Date | null;
  /** hours to deadlineAt; days = calendar days from today to the deadline date; null without a deadline */
  timeToDeadline: (Duration & { overdue: boolean }) | null;
  timeInQueue: Duration;
  documentationOutstanding: number;
}

export interface FastTrackQueuePage {
  items: FastTrackQueueItem[];
  nextCursor: FastTrackQueueCursor | null;
}

export function encodeQueueCursor(cursor: FastTrackQueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** null for anything that is not a cursor this reader issued */
export function decodeQueueCursor(text: string): FastTrackQueueCursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { deadline, submittedAt, applicationId, citizenId } = value;
    const ok =
      typeof deadline === 'string' &&
      (deadline === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(deadline)) &&
      typeof submittedAt === 'string' &&
      !Number.isNaN(Date.parse(submittedAt)) &&
      typeof applicationId === 'string' &&
      applicationId.length > 0 &&
      applicationId.length <= 100 &&
      typeof citizenId === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(citizenId);
    return ok ? { deadline, submittedAt, applicationId, citizenId } : null;
  } catch {
    return null;
  }
}

/**
 * Undecided applications of the queue's kinds for one deciding municipality that are linked to a housing offer
 * or carry a lease-signing deadline, earliest deadline first (those whose offer is not known yet last), then by
 * submission. Keyset paging: the cursor is the sort key of the last item of the previous page.
 */
export async function readFastTrackQueue(
  db: Db,
  options: { municipality: string; limit: number; after: FastTrackQueueCursor | null; now: Date },
): Promise<FastTrackQueuePage> {
  const { rows } = await db.query(
    `SELECT * FROM (
       SELECT a.citizen_id, a.application_id, a.kind, a.legal_basis, a.amount_kr, a.deciding_municipality,
              a.submitted_at, a.fast_tracked_at, a.fast_track_reason, a.linked_offer_id,
              a.documentation_requested - a.documentation_received AS documentation_outstanding,
              a.lease_signing_deadline::text AS application_deadline,
              o.lease_signing_deadline::text AS offer_deadline,
              o.status AS offer_status,
              COALESCE(LEAST(a.lease_signing_deadline, o.lease_signing_deadline), 'infinity'::date) AS sort_deadline
         FROM fast_track_applications a
         LEFT JOIN fast_track_offers o ON o.citizen_id = a.citizen_id AND o.offer_id = a.linked_offer_id
        WHERE a.decided_at IS NULL
          AND a.deciding_municipality = $1
          AND a.kind = ANY($2::text[])
          AND (a.linked_offer_id IS NOT NULL OR a.lease_signing_deadline IS NOT NULL)
     ) q
     WHERE $3::date IS NULL
        OR (q.sort_deadline, q.submitted_at, q.application_id, q.citizen_id)
           > ($3::date, $4::timestamptz, $5::text, $6::uuid)
     ORDER BY q.sort_deadline, q.submitted_at, q.application_id, q.citizen_id
     LIMIT $7`,
    [
      options.municipality,
      FAST_TRACK_QUEUE_KINDS,
      options.after?.deadline ?? null,
      options.after?.submittedAt ?? null,
      options.after?.applicationId ?? null,
      options.after?.citizenId ?? null,
      options.limit + 1,
    ],
  );
  const page = rows.slice(0, options.limit);
  const items = page.map((row) => toItem(row, options.now));
  const last = page[page.length - 1];
  return {
    items,
    nextCursor:
      rows.length > options.limit && last
        ? {
            deadline: last.application_deadline || last.offer_deadline ? minDate(last) : 'infinity',
            submittedAt: (last.submitted_at as Date).toISOString(),
            applicationId: last.application_id,
            citizenId: last.citizen_id,
          }
        : null,
  };
}

function minDate(row: { application_deadline: string | null; offer_deadline: string | null }): string {
  const dates = [row.application_deadline, row.offer_deadline].filter((d): d is string => d !== null).sort();
  return dates[0];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toItem(row: any, now: Date): FastTrackQueueItem {
  const applicationDeadline: string | null = row.application_deadline;
  const offerDeadline: string | null = row.offer_deadline;
  const deadline = applicationDeadline || offerDeadline ? minDate(row) : null;
  const deadlineSource =
    deadline === null ? null : applicationDeadline === deadline ? 'application' : 'housing-offer';
  const deadlineAt = deadline ? endOfCopenhagenDay(deadline) : null;
  const submittedAt: Date = row.submitted_at;
  const queueHours = Math.max(0, wholeHoursBetween(submittedAt, now));
  let timeToDeadline: FastTrackQueueItem['timeToDeadline'] = null;
  if (deadline && deadlineAt) {
    timeToDeadline = {
      hours: wholeHoursBetween(now, deadlineAt),
      days: daysBetween(copenhagenDate(now), deadline),
      overdue: deadlineAt.getTime() <= now.getTime(),
    };
  }
  return {
    applicationId: row.application_id,
    citizenId: row.citizen_id,
    kind: row.kind,
    legalBasis: row.legal_basis,
    amountKr: Number(row.amount_kr),
    decidingMunicipality: row.deciding_municipality,
    submittedAt,
    fastTracked: row.fast_tracked_at !== null,
    fastTrackedAt: row.fast_tracked_at,
    fastTrackReason: row.fast_track_reason,
    linkedOfferId: row.linked_offer_id,
    offerStatus: row.offer_status ?? null,
    leaseSigningDeadline: deadline,
    deadlineSource,
    deadlineAt,
    timeToDeadline,
    timeInQueue: { hours: queueHours, days: Math.floor(queueHours / 24) },
    documentationOutstanding: Number(row.documentation_outstanding),
  };
}
