import type { EventCategory } from '@hf/domain';
import type { UnitType } from '@hf/domain/alerts/alert';
import {
  DEFAULT_VISIBILITY_MATRIX,
  EXTERNAL_UNIT_TYPES,
  Grant,
  LEGAL_BASES_HELD,
  MUNICIPAL_UNIT_TYPES,
  VisibilityMatrix,
} from './visibility-matrix';

export interface Unit {
  id: string;
  type: UnitType;
  /** kommunekode for municipal units and shelters; null for regions, prisons and associations */
  municipality: string | null;
}

/** Who is reading, for which declared purpose, and whether under an active break-glass grant. */
export interface Viewer {
  principalId: string;
  unit: Unit;
  purpose: string;
  breakGlass: boolean;
}

/** A consent as the ledger holds it at the moment of the read (withdrawn and expired ones are left out). */
export interface ActiveConsent {
  consentId: string;
  purpose: string;
  recipientUnitIds: readonly string[];
  recipientUnitTypes: readonly string[];
  categories: readonly string[];
}

/** What ties units to a citizen (and every record linked to it), read from the log and the read models. */
export interface CitizenAccessFacts {
  handlekommuner: readonly string[];
  /** municipalities of §110 stays and other places the citizen is tied to */
  municipalities: readonly string[];
  /** units that recorded something about the citizen or are named in it (shelter, provider, destination…) */
  namedUnits: readonly string[];
  consents: readonly ActiveConsent[];
}

/** The access-relevant part of one event or timeline entry. */
export interface EntryAccess {
  category: EventCategory;
  recordedByUnit: string | null;
  relatedUnits: readonly string[];
  legalBasis: string | null;
}

/**
 * Whether the unit has any relation to the citizen. Without one the citizen does not exist for that unit: reads
 * answer 404, exactly as for an unknown id, so a probe cannot learn who is registered.
 */
export function mayAccessCitizen(viewer: Viewer, facts: CitizenAccessFacts): boolean {
  if (viewer.breakGlass) return true;
  const { unit } = viewer;
  if (facts.namedUnits.includes(unit.id)) return true;
  if (MUNICIPAL_UNIT_TYPES.includes(unit.type) && unit.municipality !== null) {
    return (
      facts.handlekommuner.includes(unit.municipality) || facts.municipalities.includes(unit.municipality)
    );
  }
  return false;
}

export function grantFor(
  viewer: Viewer,
  category: EventCategory,
  matrix: VisibilityMatrix = DEFAULT_VISIBILITY_MATRIX,
): Grant {
  return matrix[category][viewer.unit.type] ?? 'none';
}

export function consentCovers(
  viewer: Viewer,
  category: EventCategory,
  consents: readonly ActiveConsent[],
): boolean {
  return consents.some(
    (c) =>
      c.categories.includes(category) &&
      c.purpose === viewer.purpose &&
      (c.recipientUnitIds.includes(viewer.unit.id) || c.recipientUnitTypes.includes(viewer.unit.type)),
  );
}

function isOwn(viewer: Viewer, entry: EntryAccess): boolean {
  return entry.recordedByUnit === viewer.unit.id || entry.relatedUnits.includes(viewer.unit.id);
}

function basisHeld(viewer: Viewer, entry: EntryAccess): boolean {
  const holders = entry.legalBasis ? LEGAL_BASES_HELD[entry.legalBasis] : undefined;
  if (!holders?.includes(viewer.unit.type)) return false;
  // A shelter holds a discharge-plan basis only for the plan that names it (see LEGAL_BASES_HELD).
  return viewer.unit.type !== 'shelter' || isOwn(viewer, entry);
}

/** Whether one event (a timeline entry, an alert's fact, a webhook's subject) may reach the viewer in full. */
export function entryVisible(
  viewer: Viewer,
  entry: EntryAccess,
  facts: Pick<CitizenAccessFacts, 'consents'>,
  matrix: VisibilityMatrix = DEFAULT_VISIBILITY_MATRIX,
): boolean {
  if (viewer.breakGlass) return true;
  // External senders always read back what they sent, and nothing else.
  if (EXTERNAL_UNIT_TYPES.includes(viewer.unit.type)) return isOwn(viewer, entry);
  switch (grantFor(viewer, entry.category, matrix)) {
    case 'full':
      return true;
    case 'own':
      return isOwn(viewer, entry);
    case 'consent':
      return consentCovers(viewer, entry.category, facts.consents);
    case 'basis-or-consent':
      return basisHeld(viewer, entry) || consentCovers(viewer, entry.category, facts.consents);
    case 'own-or-consent':
      return isOwn(viewer, entry) || consentCovers(viewer, entry.category, facts.consents);
    case 'flag':
    case 'none':
      return false;
  }
}

/**
 * Whether derived facts of a category (flags, not events) may reach the viewer: any grant but `none`. A unit that
 * sees the events may see what is derived from them; a consent- or basis-bound category is flag-visible only when
 * the viewer could see some event of it, which the caller decides with `entryVisible`.
 */
export function flagsVisible(
  viewer: Viewer,
  category: EventCategory,
  matrix = DEFAULT_VISIBILITY_MATRIX,
): boolean {
  if (viewer.breakGlass) return true;
  const grant = grantFor(viewer, category, matrix);
  return grant === 'full' || grant === 'flag';
}
