import { decodeEvent, DomainEvent, isDomainEventType } from '@hf/domain';
import type { RecordedEvent } from '@hf/event-store';
import type { PoolClient } from 'pg';
import { Projection } from '../projection';

/** The event types this projection reads; every other event is skipped without decoding. */
const HANDLED = new Set<string>([
  'CitizenRegistered',
  'HandlekommuneChanged',
  'CitizenDied',
  'CitizenPersonalDataErased',
  'ContactAssigned',
  'ContactUnassigned',
  'JobcentreCaseworkerAssigned',
  'HousingOffered',
  'HousingOfferAccepted',
  'HousingOfferDeclined',
  'HousingOfferLapsed',
  'LeaseSigned',
  'MovedIn',
  'EvictionExecuted',
  'TenancyEnded',
  'SupportDecided',
  'SupportStarted',
  'CtiPhaseAdvanced',
  'ContactLost',
  'ContactRestored',
  'SupportPaused',
  'SupportResumed',
  'SupportEnded',
  'HospitalAdmissionRecorded',
  'DischargePlanned',
  'DischargedFromHospital',
  'DiedInHospital',
  'HospitalNoticeRevised',
  'HospitalNoticeCancelled',
  'PrisonIntakeRecorded',
  'ReleaseScheduled',
  'ReleasedFromPrison',
]);

/**
 * The citizen's current situation across processes: responsible municipality, named contacts, tenancies,
 * support courses and hospital/prison stays. It keeps facts, not conclusions: "rehoused N months ago" or
 * "days in shelter" depend on today, so the queries derive them with the clock.
 *
 * Events arrive in commit order, which is each stream's order; every row belongs to one stream (a tenancy to
 * the housing stream, a course to the support stream ...), so an update always finds the row its stream
 * created earlier. Instants are the events' occurredAt.
 */
export class CitizenStatusProjection implements Projection {
  readonly name = 'citizen-status';

  async apply(tx: PoolClient, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      if (!HANDLED.has(recorded.type) || !isDomainEventType(recorded.type)) continue;
      await this.applyOne(tx, decodeEvent(recorded));
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query(
      'TRUNCATE citizen_status, citizen_contacts, citizen_tenancies, citizen_support_courses, citizen_institution_stays',
    );
  }

  private async applyOne(tx: PoolClient, event: DomainEvent): Promise<void> {
    const q = (sql: string, params: unknown[]) => tx.query(sql, params);
    switch (event.type) {
      // ------------------------------------------------------------------------------------------ citizen
      case 'CitizenRegistered': {
        const d = event.data;
        await q(
          `INSERT INTO citizen_status (citizen_id, handlekommune, registered_at) VALUES ($1, $2, $3)
           ON CONFLICT (citizen_id) DO UPDATE SET handlekommune = $2, registered_at = $3`,
          [d.citizenId, d.handlekommune, d.occurredAt],
        );
        return;
      }
      case 'HandlekommuneChanged':
        await q(
          `INSERT INTO citizen_status (citizen_id, handlekommune) VALUES ($1, $2)
           ON CONFLICT (citizen_id) DO UPDATE SET handlekommune = $2`,
          [event.data.citizenId, event.data.to],
        );
        return;
      case 'CitizenDied':
      case 'DiedInHospital':
        await q(
          `INSERT INTO citizen_status (citizen_id, died_at) VALUES ($1, $2)
           ON CONFLICT (citizen_id) DO UPDATE SET died_at = COALESCE(citizen_status.died_at, $2)`,
          [event.data.citizenId, event.data.occurredAt],
        );
        if (event.type === 'DiedInHospital') {
          await this.endInstitutionStay(
            tx,
            event.data.citizenId,
            'hospital',
            event.data.admissionId,
            event.data.occurredAt,
          );
        }
        return;
      case 'CitizenPersonalDataErased':
        await q(
          `INSERT INTO citizen_status (citizen_id, personal_data_erased_at) VALUES ($1, $2)
           ON CONFLICT (citizen_id) DO UPDATE
             SET personal_data_erased_at = COALESCE(citizen_status.personal_data_erased_at, $2)`,
          [event.data.citizenId, event.data.occurredAt],
        );
        return;
      case 'ContactAssigned': {
        const d = event.data;
        await q(
          `INSERT INTO citizen_contacts (citizen_id, role, staff_id, unit_id, channel_kind, channel_value, assigned_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (citizen_id, role) DO UPDATE SET staff_id = $3, unit_id = $4, channel_kind = $5,
             channel_value = $6, assigned_at = $7`,
          [
            d.citizenId,
            d.role,
            d.contact.staffId,
            d.contact.unitId,
            d.contact.channel?.kind ?? null,
            d.contact.channel?.value ?? null,
            d.occurredAt,
          ],
        );
        return;
      }
      case 'ContactUnassigned':
        await q(`DELETE FROM citizen_contacts WHERE citizen_id = $1 AND role = $2 AND staff_id = $3`, [
          event.data.citizenId,
          event.data.role,
          event.data.contact.staffId,
        ]);
        return;
      case 'JobcentreCaseworkerAssigned': {
        const d = event.data;
        await q(
          `INSERT INTO citizen_status (citizen_id, jobcentre_caseworker_id, jobcentre_unit_id, jobcentre_assigned_at)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (citizen_id) DO UPDATE SET jobcentre_caseworker_id = $2, jobcentre_unit_id = $3,
             jobcentre_assigned_at = $4`,
          [d.citizenId, d.caseworkerId, d.unitId, d.occurredAt],
        );
        return;
      }
      // ------------------------------------------------------------------------------------------ housing
      case 'HousingOffered':
        await q(
          `INSERT INTO citizen_tenancies (citizen_id, offer_id, offered_at, offer_status) VALUES ($1, $2, $3, 'offered')
           ON CONFLICT (citizen_id, offer_id) DO NOTHING`,
          [event.data.citizenId, event.data.offerId, event.data.occurredAt],
        );
        return;
      case 'HousingOfferAccepted':
      case 'HousingOfferDeclined':
      case 'HousingOfferLapsed': {
        const status = {
          HousingOfferAccepted: 'accepted',
          HousingOfferDeclined: 'declined',
          HousingOfferLapsed: 'lapsed',
        }[event.type];
        await q(`UPDATE citizen_tenancies SET offer_status = $3 WHERE citizen_id = $1 AND offer_id = $2`, [
          event.data.citizenId,
          event.data.offerId,
          status,
        ]);
        return;
      }
      case 'LeaseSigned':
        await q(
          `UPDATE citizen_tenancies SET lease_type = $3, lease_signed_at = $4, lease_starts_on = $5
            WHERE citizen_id = $1 AND offer_id = $2`,
          [
            event.data.citizenId,
            event.data.offerId,
            event.data.leaseType,
            event.data.occurredAt,
            event.data.leaseStartsOn,
          ],
        );
        return;
      case 'MovedIn':
        await q(`UPDATE citizen_tenancies SET moved_in_at = $3 WHERE citizen_id = $1 AND offer_id = $2`, [
          event.data.citizenId,
          event.data.offerId,
          event.data.occurredAt,
        ]);
        return;
      case 'EvictionExecuted':
      case 'TenancyEnded':
        await q(
          `UPDATE citizen_tenancies SET ended_at = $3, end_reason = $4
            WHERE citizen_id = $1 AND offer_id = $2 AND ended_at IS NULL`,
          [
            event.data.citizenId,
            event.data.offerId,
            event.data.occurredAt,
            event.type === 'EvictionExecuted' ? 'eviction-executed' : event.data.reason,
          ],
        );
        return;
      // ------------------------------------------------------------------------------------------ support
      case 'SupportDecided': {
        const d = event.data;
        await q(
          `INSERT INTO citizen_support_courses (citizen_id, support_id, method, legal_basis, provider_unit_id, decided_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (citizen_id, support_id) DO NOTHING`,
          [d.citizenId, d.supportId, d.method, d.legalBasis, d.providerUnitId, d.occurredAt],
        );
        return;
      }
      case 'SupportStarted':
        await this.updateCourse(
          tx,
          event.data,
          `started_at = $3, cti_phase = CASE WHEN method = 'cti' THEN 'contact' END`,
          [event.data.occurredAt],
        );
        return;
      case 'CtiPhaseAdvanced':
        await this.updateCourse(
          tx,
          event.data,
          `cti_phase = $3, cti_planned_end = COALESCE($4::date, cti_planned_end)`,
          [event.data.phase, event.data.plannedEndDate ?? null],
        );
        return;
      case 'ContactLost':
        await this.updateCourse(tx, event.data, `contact_lost_since = $3`, [event.data.lastContactAt]);
        return;
      case 'ContactRestored':
        await this.updateCourse(tx, event.data, `contact_lost_since = NULL`, []);
        return;
      case 'SupportPaused':
        await this.updateCourse(tx, event.data, `paused_at = $3, pause_reason = $4`, [
          event.data.occurredAt,
          event.data.reason,
        ]);
        return;
      case 'SupportResumed':
        await this.updateCourse(tx, event.data, `paused_at = NULL, pause_reason = NULL`, []);
        return;
      case 'SupportEnded':
        await this.updateCourse(tx, event.data, `ended_at = $3, end_kind = $4, end_reason = $5`, [
          event.data.occurredAt,
          event.data.endKind,
          event.data.reason,
        ]);
        return;
      // -------------------------------------------------------------------------------------- institution
      case 'HospitalAdmissionRecorded':
        await q(
          `INSERT INTO citizen_institution_stays (citizen_id, institution, stay_id, admission_kind, started_at)
           VALUES ($1, 'hospital', $2, $3, $4) ON CONFLICT DO NOTHING`,
          [event.data.citizenId, event.data.admissionId, event.data.kind, event.data.occurredAt],
        );
        return;
      case 'DischargePlanned':
        await q(
          `UPDATE citizen_institution_stays SET expected_end = $3
            WHERE citizen_id = $1 AND institution = 'hospital' AND stay_id = $2`,
          [event.data.citizenId, event.data.admissionId, event.data.expectedDate],
        );
        return;
      case 'DischargedFromHospital':
        await this.endInstitutionStay(
          tx,
          event.data.citizenId,
          'hospital',
          event.data.admissionId,
          event.data.occurredAt,
        );
        return;
      // MedCom RE_xx / AN_xx: the stay row follows the corrected or retracted notice. A retracted death (AN_MORS)
      // reopens the stay but keeps died_at: the citizen stream may hold a death of its own (CitizenDied).
      case 'HospitalNoticeRevised': {
        const d = event.data;
        const column = d.revisedCode === 'STIN' || d.revisedCode === 'STAA' ? 'started_at' : 'ended_at';
        if (d.revisedCode === 'STOR' || d.revisedCode === 'SLOR') return;
        await q(
          `UPDATE citizen_institution_stays SET ${column} = $3
            WHERE citizen_id = $1 AND institution = 'hospital' AND stay_id = $2`,
          [d.citizenId, d.admissionId, d.correctedOccurredAt],
        );
        return;
      }
      case 'HospitalNoticeCancelled': {
        const d = event.data;
        if (d.cancelledCode === 'STIN' || d.cancelledCode === 'STAA') {
          await q(
            `DELETE FROM citizen_institution_stays
              WHERE citizen_id = $1 AND institution = 'hospital' AND stay_id = $2`,
            [d.citizenId, d.admissionId],
          );
        } else if (d.cancelledCode === 'SLHJ' || d.cancelledCode === 'MORS') {
          await q(
            `UPDATE citizen_institution_stays SET ended_at = NULL
              WHERE citizen_id = $1 AND institution = 'hospital' AND stay_id = $2`,
            [d.citizenId, d.admissionId],
          );
        }
        return;
      }
      case 'PrisonIntakeRecorded':
        await q(
          `INSERT INTO citizen_institution_stays (citizen_id, institution, stay_id, started_at)
           VALUES ($1, 'prison', $2, $3) ON CONFLICT DO NOTHING`,
          [event.data.citizenId, event.data.stayId, event.data.occurredAt],
        );
        return;
      case 'ReleaseScheduled':
        await q(
          `UPDATE citizen_institution_stays SET expected_end = $3
            WHERE citizen_id = $1 AND institution = 'prison' AND stay_id = $2`,
          [event.data.citizenId, event.data.stayId, event.data.expectedReleaseDate],
        );
        return;
      case 'ReleasedFromPrison':
        await this.endInstitutionStay(
          tx,
          event.data.citizenId,
          'prison',
          event.data.stayId,
          event.data.occurredAt,
        );
        return;
      default:
        return;
    }
  }

  private async updateCourse(
    tx: PoolClient,
    course: { citizenId: string; supportId: string },
    set: string,
    params: unknown[],
  ): Promise<void> {
    await tx.query(`UPDATE citizen_support_courses SET ${set} WHERE citizen_id = $1 AND support_id = $2`, [
      course.citizenId,
      course.supportId,
      ...params,
    ]);
  }

  private async endInstitutionStay(
    tx: PoolClient,
    citizenId: string,
    institution: 'hospital' | 'prison',
    stayId: string,
    at: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE citizen_institution_stays SET ended_at = $4
        WHERE citizen_id = $1 AND institution = $2 AND stay_id = $3 AND ended_at IS NULL`,
      [citizenId, institution, stayId, at],
    );
  }
}
