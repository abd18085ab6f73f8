import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@hf/platform';
import type { Pool } from 'pg';

export interface ReadRequest {
  principal: { id: string; unit: string };
  citizenId: string;
  /** what is read, e.g. `timeline`, `find-by-cpr` */
  action: string;
  purpose: string;
  requestId?: string;
}

/**
 * The one seam every read of citizen data passes through. It writes the read audit entry first, so
 * no read happens unlogged. For now it allows every read; the visibility matrix, consent and
 * break-glass rules (DOMAIN.md §3) drop in here instead of in each controller.
 */
@Injectable()
export class AccessPolicy {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async authorizeRead(request: ReadRequest): Promise<void> {
    await this.pool.query(
      `INSERT INTO read_audit_log (principal, unit, citizen_id, action, purpose, request_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        request.principal.id,
        request.principal.unit,
        request.citizenId,
        request.action,
        request.purpose,
        request.requestId,
      ],
    );
  }
}
