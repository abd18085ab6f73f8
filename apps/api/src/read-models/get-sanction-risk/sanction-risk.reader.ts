import { inReadSnapshot } from '@hf/projections/citizen-status/read-snapshot';
import { readCitizenStatus } from '@hf/projections/citizen-status/citizen-status.read';
import { assessSanctionRisk, SanctionRiskAssessment } from '@hf/projections/sanction-risk/sanction-risk';
import { readShelterStays } from '@hf/projections/shelter-stays/shelter-stays.read';
import type { Pool } from 'pg';

/** The check for many citizens in a fixed number of queries; used by the single and the bulk form. */
export async function checkSanctionRisk(
  pool: Pool,
  citizenIds: readonly string[],
  now: Date,
): Promise<Map<string, SanctionRiskAssessment>> {
  const { statuses, stays } = await inReadSnapshot(pool, async (db) => ({
    statuses: await readCitizenStatus(db, citizenIds),
    stays: await readShelterStays(db, citizenIds),
  }));
  return new Map(
    citizenIds.map((id) => [id, assessSanctionRisk(statuses.get(id)!, stays.get(id) ?? [], now)]),
  );
}
