import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@hf/access';
import { ALERT_RULE_TITLES, type AlertRuleId } from '@hf/domain/alerts';
import { PG_POOL } from '@hf/platform';
import { InboxRow, InvalidCursorError, readAlertsInbox } from '@hf/projections/alerts';
import type { Pool } from 'pg';
import { ProblemException } from '../../http/problem';
import { AlertResponse, AlertsPageResponse } from '../alert.response';
import { ListAlertsQuery } from './list-alerts.query';

/**
 * A page of the inbox. Alerts are citizen data (they cite facts about a citizen), so every citizen on the page is
 * passed through the access policy, which writes one read-audit entry per citizen.
 */
@QueryHandler(ListAlertsQuery)
export class ListAlertsHandler implements IQueryHandler<ListAlertsQuery, AlertsPageResponse> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ filter, ctx }: ListAlertsQuery): Promise<AlertsPageResponse> {
    let page: Awaited<ReturnType<typeof readAlertsInbox>>;
    try {
      page = await readAlertsInbox(this.pool, filter);
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
    for (const citizenId of new Set(page.rows.map((row) => row.citizen_id))) {
      await this.access.authorizeRead({
        principal: ctx.principal,
        citizenId,
        action: 'alerts-inbox',
        purpose: ctx.purpose,
        requestId: ctx.requestId,
      });
    }
    return { alerts: page.rows.map(toResponse), nextCursor: page.nextCursor };
  }
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
