import { decodeEvent, DomainEvent, isDomainEventType } from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

const HANDLED = new Set<string>([
  'DepositApplicationSubmitted',
  'DocumentationRequested',
  'DocumentationReceived',
  'DepositApplicationFastTracked',
  'DepositApplicationDecided',
  'HousingOffered',
  'HousingOfferAccepted',
  'HousingOfferDeclined',
  'HousingOfferLapsed',
  'LeaseSigned',
]);

/**
 * Deposit and moving-expense applications (every kind: the queue decides which it shows) and the housing
 * offers whose lease-signing deadline can order them. An application may name an offer the projection has not
 * seen yet (another stream, committed later): the join happens when the queue is read, so either order works.
 */
export class FastTrackQueueProjection implements Projection {
  readonly name = 'fast-track-queue';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      if (!HANDLED.has(recorded.type) || !isDomainEventType(recorded.type)) continue;
      await this.applyOne(tx, decodeEvent(recorded));
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('TRUNCATE fast_track_applications, fast_track_offers');
  }

  private async applyOne(tx: PoolClient, event: DomainEvent): Promise<void> {
    const application = (assignments: string, params: unknown[]) =>
      tx.query(
        `UPDATE fast_track_applications SET ${assignments} WHERE citizen_id = $1 AND application_id = $2`,
        [
          (event.data as { citizenId: string }).citizenId,
          (event.data as { applicationId: string }).applicationId,
          ...params,
        ],
      );
    const offer = (status: string) =>
      tx.query(`UPDATE fast_track_offers SET status = $3 WHERE citizen_id = $1 AND offer_id = $2`, [
        (event.data as { citizenId: string }).citizenId,
        (event.data as { offerId: string }).offerId,
        status,
      ]);
    switch (event.type) {
      case 'DepositApplicationSubmitted': {
        const d = event.data;
        await tx.query(
          `INSERT INTO fast_track_applications (citizen_id, application_id, kind, legal_basis, amount_kr,
             deciding_municipality, linked_offer_id, lease_signing_deadline, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (citizen_id, application_id) DO NOTHING`,
          [
            d.citizenId,
            d.applicationId,
            d.kind,
            d.legalBasis,
            d.amountKr,
            d.decidingMunicipality,
            d.linkedOfferId ?? null,
            d.leaseSigningDeadline ?? null,
            d.occurredAt,
          ],
        );
        return;
      }
      case 'DocumentationRequested':
        await application('documentation_requested = documentation_requested + 1', []);
        return;
      case 'DocumentationReceived':
        await application('documentation_received = documentation_received + 1', []);
        return;
      case 'DepositApplicationFastTracked':
        await application('fast_tracked_at = $3, fast_track_reason = $4', [
          event.data.occurredAt,
          event.data.reason,
        ]);
        return;
      case 'DepositApplicationDecided':
        await application('decided_at = $3, outcome = $4', [event.data.occurredAt, event.data.outcome]);
        return;
      case 'HousingOffered':
        await tx.query(
          `INSERT INTO fast_track_offers (citizen_id, offer_id, lease_signing_deadline, offered_at, status)
           VALUES ($1, $2, $3, $4, 'offered') ON CONFLICT (citizen_id, offer_id) DO NOTHING`,
          [event.data.citizenId, event.data.offerId, event.data.leaseSigningDeadline, event.data.occurredAt],
        );
        return;
      case 'HousingOfferAccepted':
        await offer('accepted');
        return;
      case 'HousingOfferDeclined':
        await offer('declined');
        return;
      case 'HousingOfferLapsed':
        await offer('lapsed');
        return;
      case 'LeaseSigned':
        await offer('lease-signed');
        return;
      default:
        return;
    }
  }
}
