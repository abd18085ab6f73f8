import { decodeEvent, DomainEvent, isDomainEventType } from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

const HANDLED = new Set<string>([
  'ShelterAdmissionRecorded',
  'ShelterDischargeRecorded',
  'HandlekommuneNotified',
  'StayPlanMade',
  'MunicipalDischargeDecided',
  'AftercareStarted',
  'AftercareEnded',
]);

/**
 * §110 shelter stays, one row per stay. Stay lengths and the refund clock depend on today, so the query
 * computes them; the row keeps the dates. Admissions are decoded through the upcaster chain (v1 rows carry
 * `hasHomeButCannotUseIt`, v2 `homeSituation`).
 */
export class ShelterStaysProjection implements Projection {
  readonly name = 'shelter-stays';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      if (!HANDLED.has(recorded.type) || !isDomainEventType(recorded.type)) continue;
      await this.applyOne(tx, decodeEvent(recorded));
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE shelter_stays');
  }

  private async applyOne(tx: PoolClient, event: DomainEvent): Promise<void> {
    const set = (assignments: string, params: unknown[]) =>
      tx.query(`UPDATE shelter_stays SET ${assignments} WHERE citizen_id = $1 AND stay_id = $2`, [
        (event.data as { citizenId: string }).citizenId,
        (event.data as { stayId: string }).stayId,
        ...params,
      ]);
    switch (event.type) {
      case 'ShelterAdmissionRecorded': {
        const d = event.data;
        await tx.query(
          `INSERT INTO shelter_stays (citizen_id, stay_id, shelter_id, shelter_name, municipality_of_stay, handlekommune,
                                      referral, home_situation, admitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (citizen_id, stay_id) DO NOTHING`,
          [
            d.citizenId,
            d.stayId,
            d.shelterId,
            d.shelterName,
            d.municipalityOfStay,
            d.handlekommune,
            d.referral,
            d.homeSituation,
            d.occurredAt,
          ],
        );
        return;
      }
      case 'ShelterDischargeRecorded':
        await set('discharged_at = $3, destination = $4, planned_discharge = $5', [
          event.data.occurredAt,
          event.data.destination,
          event.data.planned,
        ]);
        return;
      case 'HandlekommuneNotified':
        await set('handlekommune_notified_at = $3', [event.data.occurredAt]);
        return;
      case 'StayPlanMade':
        await set('stay_plan_made_at = $3', [event.data.occurredAt]);
        return;
      case 'MunicipalDischargeDecided':
        await set('municipal_discharge_decided_at = $3', [event.data.occurredAt]);
        return;
      case 'AftercareStarted':
        await set('aftercare_started_at = $3', [event.data.occurredAt]);
        return;
      case 'AftercareEnded':
        await set('aftercare_ended_at = $3', [event.data.occurredAt]);
        return;
      default:
        return;
    }
  }
}
