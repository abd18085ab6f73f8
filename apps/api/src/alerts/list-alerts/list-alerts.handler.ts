import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, AuthenticatedPrincipal, CitizenNotVisibleError, CitizenView } from '@hf/access';
import type { EventCategory } from '@hf/domain';
import { ALERT_RULE_TITLES, type AlertRuleId } from '@hf/domain/alerts';
import { PG_POOL } from '@hf/platform';
import { InboxRow, InvalidCursorError, readAlertsInbox } from '@hf/projections/alerts';
import type { Pool } from 'pg';
import { forbidden } from '../../http/authentication.guard';
import { ProblemException } from '../../http/problem';
import { CLOCK, Clock } from '../../shared/clock';
import { AlertResponse, AlertsPageResponse } from '../alert.response';
import { ListAlertsQuery } from './list-alerts.query';

/**
 * Citizens of one page judged at once, as in the bulk sanction-risk check. A look-up runs two queries side by side,
 * so a page holds at most eight of the pool's connections (10 by default) for a moment and others still get one.
 */
const AUDIT_CONCURRENCY = 4;

/**
 * A page of the inbox. Alerts are citizen data (they cite facts about a citizen), so every citizen on the page is
 * passed through the access policy, which writes one read-audit entry per citizen.
 */
@QueryHandler(ListAlertsQuery)
export class ListAlertsHandler implements IQueryHandler<ListAlertsQuery, AlertsPageResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, ctx }: ListAlertsQuery): Promise<AlertsPageResponse> {
    const principal = ctx.principal;
    // The inbox is the caller's unit's: the filters may narrow it but never name another unit.
    if (
      (filter.unitType && filter.unitType !== principal.unitType) ||
      (filter.unitId && filter.unitId !== principal.unit) ||
      (filter.municipality && filter.municipality !== principal.municipality)
    )
      throw forbidden();
    let page: Awaited<ReturnType<typeof readAlertsInbox>>;
    try {
      page = await readAlertsInbox(this.pool, { ...filter, addressedTo: addressedTo(principal) });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        'cursor: not a cursor of this list',
        {
          errors: [{ pointer: '#/query/cursor', detail: 'not a cursor issued for this list and sort' }],
        },
      );
    }
    // Each alert is also judged by its category for this citizen now: a consent withdrawn since the alert was
    // raised takes it out of the inbox at the next read (the page may then be shorter than the limit).
    const now = this.clock.now();
    // A few citizens at a time (as the bulk sanction-risk check does): each is an access look-up and a committed
    // audit row, and one after the other they made a 50-alert page wait for 50 commits in a row.
    const views = new Map<string, CitizenView | null>();
    const citizenIds = [...new Set(page.rows.map((row) => row.citizen_id))];
    for (let i = 0; i < citizenIds.length; i += AUDIT_CONCURRENCY) {
      await Promise.all(
        citizenIds.slice(i, i + AUDIT_CONCURRENCY).map(async (citizenId) => {
          try {
            views.set(
              citizenId,
              await this.access.authorizeRead(
                {
                  principal,
                  citizenId,
                  action: 'alerts-inbox',
                  purpose: ctx.purpose,
                  requestId: ctx.requestId,
                },
                now,
              ),
            );
          } catch (error) {
            if (!(error instanceof CitizenNotVisibleError)) throw error;
            views.set(citizenId, null);
          }
        }),
      );
    }
    // An alert carries the legal basis of the facts of its own category that it cites (a §13 c discharge plan
    // reaches the shelter it names; the §110 basis of a stay it also cites does not).
    const { rows: bases } = await this.pool.query<{
      event_id: string;
      legal_basis: string;
      category: string;
    }>(
      `SELECT event_id, legal_basis, category FROM timeline_entries
        WHERE event_id = ANY($1::uuid[]) AND legal_basis IS NOT NULL`,
      [page.rows.flatMap((row) => row.fact_event_ids)],
    );
    const basisOf = new Map(bases.map((b) => [`${b.category}|${b.event_id}`, b.legal_basis]));
    const visible = page.rows.filter((row) =>
      views.get(row.citizen_id)?.sees({
        category: row.category as EventCategory,
        recordedByUnit: null,
        relatedUnits: row.recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])),
        legalBasis:
          row.fact_event_ids.map((id) => basisOf.get(`${row.category}|${id}`)).find((b) => b !== undefined) ??
          null,
      }),
    );
    return { alerts: visible.map(toResponse), nextCursor: page.nextCursor };
  }
}

function addressedTo(principal: AuthenticatedPrincipal): Record<string, string>[] {
  return [
    { unitId: principal.unit },
    ...(principal.municipality
      ? [{ unitType: principal.unitType, municipality: principal.municipality }]
      : []),
  ];
}

export function toResponse(row: InboxRow): AlertResponse {
  return {
    alertId: row.alert_id,
    citizenId: row.citizen_id,
    ruleId: row.rule_id,
    title: ALERT_RULE_TITLES[row.rule_id as AlertRuleId] ?? row.rule_id,
    category: row.category,
    subjectId: row.subject_id,
    status: row.status,
    severity: row.severity,
    dueAt: row.due_at.toISOString(),
    raisedAt: row.raised_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    recipients: row.recipients,
    reason: { code: row.reason_code, text: row.reason_text, factEventIds: row.fact_event_ids },
    contactChannels: row.contact_channels,
    escalations: row.escalations,
    acknowledgements: row.acknowledgements.map((a) => ({
      unitType: a.unitType,
      unitId: a.unitId,
      via: a.via,
      at: new Date(a.at).toISOString(),
    })),
    resolution: row.resolution as AlertResponse['resolution'],
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}
