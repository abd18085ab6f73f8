import { Inject, Injectable } from '@nestjs/common';
import type { EventCategory } from '@hf/domain';
import { EVENT_STORE, type EventStore } from '@hf/event-store';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';
import { loadAccessFacts, LoadedAccessFacts } from './citizen-access-facts';
import { AuthenticatedPrincipal, unitOf } from './principal';
import { entryVisible, EntryAccess, flagsVisible, mayAccessCitizen, Viewer } from './visibility';

export interface ReadRequest {
  principal: AuthenticatedPrincipal;
  citizenId: string;
  /** what is read, e.g. `timeline`, `find-by-cpr` */
  action: string;
  purpose: string;
  requestId?: string;
}

/** Thrown when the citizen does not exist for the reader: answered exactly like an unknown id. */
export class CitizenNotVisibleError extends Error {
  constructor() {
    super('citizen not visible to this unit');
  }
}

/** What one reader may see of one citizen, fixed at the moment of the read. */
export class CitizenView {
  constructor(
    readonly viewer: Viewer,
    readonly facts: LoadedAccessFacts,
  ) {}

  /** whether one event (timeline entry, alert fact) may be shown in full */
  sees(entry: EntryAccess): boolean {
    return entryVisible(this.viewer, entry, this.facts);
  }

  /** whether facts derived from a category (flags such as "rehoused on date X") may be shown */
  seesFlags(category: EventCategory): boolean {
    return flagsVisible(this.viewer, category);
  }

  /** whether the reader sees at least the derived facts of a category or some of its events under consent */
  seesAnything(category: EventCategory): boolean {
    return (
      this.seesFlags(category) ||
      this.sees({ category, recordedByUnit: null, relatedUnits: [], legalBasis: null })
    );
  }
}

/**
 * The one seam every read of citizen data passes through (DOMAIN.md §3). It decides whether the citizen exists for
 * the reader at all, and writes the read audit entry (who, which unit, which citizen, what, purpose, when, under
 * break-glass or not) before anything is returned, refused reads included, so no read happens unlogged. What the
 * reader may see of the citizen is answered by the returned view, which every read model applies.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async authorizeRead(request: ReadRequest, now: Date): Promise<CitizenView> {
    const facts = await loadAccessFacts(this.pool, this.store, request.citizenId, request.principal.id, now);
    const viewer: Viewer = {
      principalId: request.principal.id,
      unit: unitOf(request.principal),
      purpose: request.purpose,
      breakGlass: facts.breakGlassUntil !== null,
    };
    const allowed = facts.exists && mayAccessCitizen(viewer, facts);
    // An id nobody registered reads nothing; a refused read of a real citizen is logged like any other.
    if (facts.exists) await this.audit(request, allowed ? 'allowed' : 'not-visible', viewer.breakGlass);
    if (!allowed) throw new CitizenNotVisibleError();
    return new CitizenView(viewer, facts);
  }

  /** Reads that touch many citizens at once (an inbox, a queue) log one entry per citizen shown. */
  async auditMany(request: Omit<ReadRequest, 'citizenId'>, citizenIds: readonly string[]): Promise<void> {
    if (citizenIds.length === 0) return;
    await this.pool.query(
      `INSERT INTO read_audit_log (principal, unit, citizen_id, action, purpose, request_id)
       SELECT $1, $2, c, $3, $4, $5 FROM unnest($6::uuid[]) AS c`,
      [
        request.principal.id,
        request.principal.unit,
        request.action,
        request.purpose,
        request.requestId,
        [...new Set(citizenIds)],
      ],
    );
  }

  private async audit(request: ReadRequest, outcome: string, breakGlass: boolean): Promise<void> {
    await this.pool.query(
      `INSERT INTO read_audit_log (principal, unit, citizen_id, action, purpose, request_id, outcome, break_glass)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        request.principal.id,
        request.principal.unit,
        request.citizenId,
        request.action,
        request.purpose,
        request.requestId,
        outcome,
        breakGlass,
      ],
    );
  }
}
