import { UNIT_TYPES, type UnitType } from '@hf/domain/alerts/alert';
import { PrincipalRegistry } from './principal-registry';

const REGIONAL: readonly UnitType[] = ['psychiatry', 'hospital', 'prison', 'housing-association'];

export interface DemoPrincipal {
  unitId: string;
  unitType: UnitType;
  apiKey: string;
}

/**
 * Demo mode: one unit per unit type in Copenhagen (kommunekode 101) and a system principal for each, with a fresh
 * API key per start, so a newcomer can try every unit's view at once. Principal ids are fixed, so restarts reuse them.
 */
export async function seedDemoPrincipals(registry: PrincipalRegistry): Promise<DemoPrincipal[]> {
  const seeded: DemoPrincipal[] = [];
  for (const [index, type] of UNIT_TYPES.entries()) {
    const unitId = `demo-${type}${REGIONAL.includes(type) ? '' : '-101'}`;
    await registry.upsertUnit({
      id: unitId,
      type,
      municipality: REGIONAL.includes(type) ? null : '101',
      name: `Demo ${type}`,
    });
    const principalId = await registry.createPrincipal({
      id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      kind: 'system',
      unitId,
      displayName: `Demo system for ${unitId}`,
    });
    const { apiKey } = await registry.issueApiKey(principalId);
    seeded.push({ unitId, unitType: type, apiKey });
  }
  return seeded;
}
