import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

/** Linked citizen records, stored in both directions so either record finds the other. */
export class CitizenLinksProjection implements Projection {
  readonly name = 'citizen-links';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'CitizenRecordsLinked' && event.type !== 'CitizenRecordsUnlinked') continue;
      const { citizenId, linkedCitizenId } = event.data as { citizenId: string; linkedCitizenId: string };
      if (event.type === 'CitizenRecordsLinked') {
        await tx.query(
          `INSERT INTO citizen_links (citizen_id, linked_citizen_id) VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`,
          [citizenId, linkedCitizenId],
        );
      } else {
        await tx.query(
          `DELETE FROM citizen_links WHERE (citizen_id, linked_citizen_id) IN (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))`,
          [citizenId, linkedCitizenId],
        );
      }
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE citizen_links');
  }
}
