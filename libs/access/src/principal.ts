import type { UnitType } from '@hf/domain/alerts/alert';
import type { Unit } from './visibility';

/** Someone or something that has proved who it is, acting for exactly one unit (DOMAIN.md §3). */
export interface AuthenticatedPrincipal {
  id: string;
  kind: 'person' | 'system';
  /** the unit's id */
  unit: string;
  unitType: UnitType;
  municipality: string | null;
}

export function unitOf(principal: AuthenticatedPrincipal): Unit {
  return { id: principal.unit, type: principal.unitType, municipality: principal.municipality };
}
