import type { PoolClient } from 'pg';
import { ofPersonRecords, PERSON_RECORDS, readPersonRecords } from './linked-person';

type Db = Pick<PoolClient, 'query'>;

export interface CitizenRow {
  citizenId: string;
  handlekommune: string | null;
  registeredAt: Date | null;
  diedAt: Date | null;
  /** when the record's personal data was erased (GDPR art. 17), if it was */
  personalDataErasedAt: Date | null;
  jobcentreCaseworkerId: string | null;
  jobcentreUnitId: string | null;
  jobcentreAssignedAt: Date | null;
}

export interface ContactRow {
  citizenId: string;
  role: string;
  staffId: string;
  unitId: string;
  channel: { kind: string; value: string } | null;
  assignedAt: Date;
}

export interface TenancyRow {
  citizenId: string;
  offerId: string;
  offeredAt: Date | null;
  offerStatus: string;
  leaseType: string | null;
  leaseSignedAt: Date | null;
  /** YYYY-MM-DD */
  leaseStartsOn: string | null;
  movedInAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
}

export interface SupportCourseRow {
  citizenId: string;
  supportId: string;
  method: string;
  legalBasis: string;
  providerUnitId: string | null;
  decidedAt: Date | null;
  startedAt: Date | null;
  ctiPhase: string | null;
  /** YYYY-MM-DD */
  ctiPlannedEnd: string | null;
  pausedAt: Date | null;
  pauseReason: string | null;
  contactLostSince: Date | null;
  endedAt: Date | null;
}

export interface InstitutionStayRow {
  citizenId: string;
  institution: 'hospital' | 'prison';
  stayId: string;
  admissionKind: string | null;
  startedAt: Date;
  /** YYYY-MM-DD */
  expectedEnd: string | null;
  endedAt: Date | null;
}

/** Everything the citizen-status read model knows about one person: the record asked for and its linked records. */
export interface CitizenStatusFacts {
  /** the record asked for */
  citizenId: string;
  /** the record asked for and every record linked to it */
  recordIds: string[];
  /** the record asked for; null until the projection has seen its registration */
  citizen: CitizenRow | null;
  /** per role, the contact on the record asked for, else the most recently assigned on a linked record */
  contacts: ContactRow[];
  tenancies: TenancyRow[];
  courses: SupportCourseRow[];
  institutionStays: InstitutionStayRow[];
}

/** Reads the facts of many persons in a fixed number of queries (one per table), whatever their number. */
export async function readCitizenStatus(
  db: Db,
  citizenIds: readonly string[],
): Promise<Map<string, CitizenStatusFacts>> {
  const ids = [...new Set(citizenIds)];
  const facts = new Map<string, CitizenStatusFacts>(
    ids.map((id) => [
      id,
      {
        citizenId: id,
        recordIds: [],
        citizen: null,
        contacts: [],
        tenancies: [],
        courses: [],
        institutionStays: [],
      },
    ]),
  );
  if (ids.length === 0) return facts;
  // One after the other: the queries may share one client (a read snapshot), which runs one query at a time.
  const person = await readPersonRecords(db, ids);
  const byPerson = [person.roots, person.recordIds];
  const citizens = await db.query(`SELECT * FROM citizen_status WHERE citizen_id = ANY($1::uuid[])`, [ids]);
  const contacts = await db.query(
    `SELECT DISTINCT ON (p.root, c.role) p.root, c.*
       FROM ${PERSON_RECORDS} JOIN citizen_contacts c ON c.citizen_id = p.citizen_id
      WHERE ${ofPersonRecords('c.citizen_id')}
      ORDER BY p.root, c.role, (c.citizen_id = p.root) DESC, c.assigned_at DESC`,
    byPerson,
  );
  const tenancies = await db.query(
    `SELECT p.root, t.*, t.lease_starts_on::text AS lease_starts_on
       FROM ${PERSON_RECORDS} JOIN citizen_tenancies t ON t.citizen_id = p.citizen_id
      WHERE ${ofPersonRecords('t.citizen_id')}
      ORDER BY p.root, t.offered_at NULLS LAST, t.offer_id`,
    byPerson,
  );
  const courses = await db.query(
    `SELECT p.root, s.*, s.cti_planned_end::text AS cti_planned_end
       FROM ${PERSON_RECORDS} JOIN citizen_support_courses s ON s.citizen_id = p.citizen_id
      WHERE ${ofPersonRecords('s.citizen_id')}
      ORDER BY p.root, s.decided_at NULLS LAST, s.support_id`,
    byPerson,
  );
  const stays = await db.query(
    `SELECT p.root, i.*, i.expected_end::text AS expected_end
       FROM ${PERSON_RECORDS} JOIN citizen_institution_stays i ON i.citizen_id = p.citizen_id
      WHERE ${ofPersonRecords('i.citizen_id')}
      ORDER BY p.root, i.started_at, i.stay_id`,
    byPerson,
  );

  person.roots.forEach((root, i) => facts.get(root)?.recordIds.push(person.recordIds[i]));
  for (const row of citizens.rows) {
    const f = facts.get(row.citizen_id);
    if (f)
      f.citizen = {
        citizenId: row.citizen_id,
        handlekommune: row.handlekommune,
        registeredAt: row.registered_at,
        diedAt: row.died_at,
        personalDataErasedAt: row.personal_data_erased_at,
        jobcentreCaseworkerId: row.jobcentre_caseworker_id,
        jobcentreUnitId: row.jobcentre_unit_id,
        jobcentreAssignedAt: row.jobcentre_assigned_at,
      };
  }
  for (const row of contacts.rows)
    facts.get(row.root)?.contacts.push({
      citizenId: row.citizen_id,
      role: row.role,
      staffId: row.staff_id,
      unitId: row.unit_id,
      channel: row.channel_kind ? { kind: row.channel_kind, value: row.channel_value } : null,
      assignedAt: row.assigned_at,
    });
  for (const row of tenancies.rows)
    facts.get(row.root)?.tenancies.push({
      citizenId: row.citizen_id,
      offerId: row.offer_id,
      offeredAt: row.offered_at,
      offerStatus: row.offer_status,
      leaseType: row.lease_type,
      leaseSignedAt: row.lease_signed_at,
      leaseStartsOn: row.lease_starts_on,
      movedInAt: row.moved_in_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
    });
  for (const row of courses.rows)
    facts.get(row.root)?.courses.push({
      citizenId: row.citizen_id,
      supportId: row.support_id,
      method: row.method,
      legalBasis: row.legal_basis,
      providerUnitId: row.provider_unit_id,
      decidedAt: row.decided_at,
      startedAt: row.started_at,
      ctiPhase: row.cti_phase,
      ctiPlannedEnd: row.cti_planned_end,
      pausedAt: row.paused_at,
      pauseReason: row.pause_reason,
      contactLostSince: row.contact_lost_since,
      endedAt: row.ended_at,
    });
  for (const row of stays.rows)
    facts.get(row.root)?.institutionStays.push({
      citizenId: row.citizen_id,
      institution: row.institution,
      stayId: row.stay_id,
      admissionKind: row.admission_kind,
      startedAt: row.started_at,
      expectedEnd: row.expected_end,
      endedAt: row.ended_at,
    });
  return facts;
}

// ------------------------------------------------------------------------------------------------ derived facts

export type HousingStatus = 'permanent-home' | 'transitional-housing' | 'no-home';

export interface HousingSituation {
  status: HousingStatus;
  permanentHome: boolean;
  /** since when the status holds, when the record says: the move-in, or the end of the last tenancy */
  since: Date | null;
  /** the tenancy the citizen lives in now, if any */
  tenancy: TenancyRow | null;
}

/**
 * Only a permanent, open-ended lease followed by a move-in ends homelessness (000:L199); a transitional lease
 * does not. A tenancy that ended (TenancyEnded or EvictionExecuted) ends it again.
 */
export function housingSituation(tenancies: readonly TenancyRow[]): HousingSituation {
  const current = tenancies
    .filter((t) => t.movedInAt !== null && t.endedAt === null)
    .sort((a, b) => b.movedInAt!.getTime() - a.movedInAt!.getTime());
  const permanent = current.find((t) => t.leaseType === 'permanent');
  if (permanent)
    return { status: 'permanent-home', permanentHome: true, since: permanent.movedInAt, tenancy: permanent };
  const transitional = current.find((t) => t.leaseType !== 'permanent');
  if (transitional)
    return {
      status: 'transitional-housing',
      permanentHome: false,
      since: transitional.movedInAt,
      tenancy: transitional,
    };
  const lastEnd = tenancies
    .map((t) => t.endedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return { status: 'no-home', permanentHome: false, since: lastEnd ?? null, tenancy: null };
}

export type CourseStatus = 'decided' | 'active' | 'paused' | 'ended';

export function courseStatus(course: SupportCourseRow): CourseStatus {
  if (course.endedAt) return 'ended';
  if (!course.startedAt) return 'decided';
  return course.pausedAt ? 'paused' : 'active';
}

/** Started and not ended; a paused course still counts (an admission pauses support, it never ends it). */
export function runningCourses(courses: readonly SupportCourseRow[]): SupportCourseRow[] {
  return courses.filter((c) => c.startedAt !== null && c.endedAt === null);
}
