import type { PoolClient } from 'pg';
import { ofPersonRecords, PERSON_RECORDS, readPersonRecords } from '../citizen-status/linked-person';
import { copenhagenDate } from '../read-model-time/read-model-time';
import { RefundClock, refundClock, RefundLimit, SHELTER_REFUND_LIMITS, stayDays } from './refund-clock';

type Db = Pick<PoolClient, 'query'>;

export interface ShelterStayRow {
  citizenId: string;
  stayId: string;
  shelterId: string;
  shelterName: string;
  municipalityOfStay: string;
  handlekommune: string;
  referral: string;
  homeSituation: string;
  admittedAt: Date;
  handlekommuneNotifiedAt: Date | null;
  stayPlanMadeAt: Date | null;
  municipalDischargeDecidedAt: Date | null;
  dischargedAt: Date | null;
  destination: string | null;
  plannedDischarge: boolean | null;
  aftercareStartedAt: Date | null;
  aftercareEndedAt: Date | null;
}

export interface ShelterStayView extends ShelterStayRow {
  /** YYYY-MM-DD, Danish calendar */
  admittedOn: string;
  dischargedOn: string | null;
  open: boolean;
  /** nights in the shelter: up to the discharge, or up to last night while the stay is open */
  days: number;
  refundClock: RefundClock;
}

/** The §110 stays of each person (the record asked for and its linked records), admission order. */
export async function readShelterStays(
  db: Db,
  citizenIds: readonly string[],
): Promise<Map<string, ShelterStayRow[]>> {
  const ids = [...new Set(citizenIds)];
  const byRoot = new Map<string, ShelterStayRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byRoot;
  const person = await readPersonRecords(db, ids);
  const { rows } = await db.query(
    `SELECT p.root, s.* FROM ${PERSON_RECORDS} JOIN shelter_stays s ON s.citizen_id = p.citizen_id
      WHERE ${ofPersonRecords('s.citizen_id')}
      ORDER BY p.root, s.admitted_at, s.stay_id`,
    [person.roots, person.recordIds],
  );
  for (const row of rows)
    byRoot.get(row.root)?.push({
      citizenId: row.citizen_id,
      stayId: row.stay_id,
      shelterId: row.shelter_id,
      shelterName: row.shelter_name,
      municipalityOfStay: row.municipality_of_stay,
      handlekommune: row.handlekommune,
      referral: row.referral,
      homeSituation: row.home_situation,
      admittedAt: row.admitted_at,
      handlekommuneNotifiedAt: row.handlekommune_notified_at,
      stayPlanMadeAt: row.stay_plan_made_at,
      municipalDischargeDecidedAt: row.municipal_discharge_decided_at,
      dischargedAt: row.discharged_at,
      destination: row.destination,
      plannedDischarge: row.planned_discharge,
      aftercareStartedAt: row.aftercare_started_at,
      aftercareEndedAt: row.aftercare_ended_at,
    });
  return byRoot;
}

/** Adds the Danish dates, the length and the refund clock to each stay, as of `now`. */
export function withRefundClock(
  stays: readonly ShelterStayRow[],
  now: Date,
  limits: readonly RefundLimit[] = SHELTER_REFUND_LIMITS,
): ShelterStayView[] {
  const today = copenhagenDate(now);
  const dates = stays.map((s) => ({
    admittedOn: copenhagenDate(s.admittedAt),
    dischargedOn: s.dischargedAt ? copenhagenDate(s.dischargedAt) : null,
  }));
  return stays.map((stay, i) => ({
    ...stay,
    ...dates[i],
    open: stay.dischargedAt === null,
    days: stayDays(dates[i], today),
    refundClock: refundClock(dates[i], dates, today, limits),
  }));
}
