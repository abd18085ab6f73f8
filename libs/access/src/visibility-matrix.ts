import type { EventCategory } from '@hf/domain';
import type { UnitType } from '@hf/domain/alerts/alert';

/**
 * How one unit type may see one category of a citizen's events (DOMAIN.md §3):
 * - `full`: every event of the category;
 * - `flag`: no events, only derived facts (e.g. "rehoused on date X", "HF support active") in the summary and the
 *   sanction-risk check;
 * - `own`: only events the unit recorded or that name it (its own stay, tenancy, notice or acknowledgement);
 * - `consent`: only under an active consent of the citizen that covers the unit, the category and the purpose;
 * - `basis-or-consent`: under a legal basis the unit type holds for the event (`LEGAL_BASES_HELD`), or consent;
 * - `own-or-consent`: own events, or anything of the category under consent;
 * - `none`.
 */
export type Grant = 'full' | 'flag' | 'own' | 'consent' | 'basis-or-consent' | 'own-or-consent' | 'none';

export type VisibilityMatrix = Readonly<Record<EventCategory, Readonly<Record<UnitType, Grant>>>>;

const EXTERNAL = { psychiatry: 'own', hospital: 'own', prison: 'own', 'housing-association': 'own' } as const;

/**
 * The default matrix, as policy data: a municipality may tighten it (pass another matrix to the policy). Where
 * DOMAIN.md §3 is silent (plan & assessment, housing allocation, prevention team) the narrower reading is taken.
 * A shelter's rows apply to its own residents only: a shelter has no relation to any other citizen at all.
 */
export const DEFAULT_VISIBILITY_MATRIX: VisibilityMatrix = {
  identity: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'full',
    jobcentre: 'full',
    shelter: 'full',
    'housing-allocation': 'full',
    'prevention-team': 'full',
    ...EXTERNAL,
  },
  housing: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'full',
    jobcentre: 'flag',
    shelter: 'full',
    'housing-allocation': 'full',
    'prevention-team': 'full',
    ...EXTERNAL,
  },
  shelter: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'flag',
    jobcentre: 'flag',
    shelter: 'own',
    'housing-allocation': 'flag',
    'prevention-team': 'flag',
    ...EXTERNAL,
  },
  plan: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'none',
    jobcentre: 'none',
    shelter: 'own-or-consent',
    'housing-allocation': 'none',
    'prevention-team': 'none',
    ...EXTERNAL,
  },
  support: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'flag',
    jobcentre: 'flag',
    shelter: 'full',
    'housing-allocation': 'flag',
    'prevention-team': 'flag',
    ...EXTERNAL,
  },
  benefits: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'full',
    jobcentre: 'none',
    shelter: 'none',
    'housing-allocation': 'none',
    'prevention-team': 'flag',
    ...EXTERNAL,
  },
  employment: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'full',
    jobcentre: 'full',
    shelter: 'consent',
    'housing-allocation': 'none',
    'prevention-team': 'none',
    ...EXTERNAL,
  },
  health: {
    'social-authority': 'basis-or-consent',
    'support-provider': 'basis-or-consent',
    benefits: 'none',
    jobcentre: 'none',
    shelter: 'basis-or-consent',
    'housing-allocation': 'none',
    'prevention-team': 'none',
    ...EXTERNAL,
  },
  justice: {
    'social-authority': 'full',
    'support-provider': 'full',
    benefits: 'none',
    jobcentre: 'none',
    shelter: 'consent',
    'housing-allocation': 'none',
    'prevention-team': 'none',
    ...EXTERNAL,
  },
};

/**
 * Legal bases under which a unit type may receive health data without consent (verify wording before
 * production). Retssikkerhedsloven §12 c covers support under serviceloven ch. 16 (§85, §85a) and not §110
 * shelters; psykiatriloven §13 c covers sharing to make and follow up a discharge agreement or coordination plan,
 * which names the receiving shelter, so a shelter holds it only for events that name it.
 */
export const LEGAL_BASES_HELD: Readonly<Record<string, readonly UnitType[]>> = {
  'retssikkerhedsloven §12 c': ['social-authority', 'support-provider'],
  'psykiatriloven §13 a-c': ['social-authority', 'support-provider', 'shelter'],
};

/** Unit types that act for one municipality and see the citizens tied to it (handlekommune or place of stay). */
export const MUNICIPAL_UNIT_TYPES: readonly UnitType[] = [
  'social-authority',
  'support-provider',
  'benefits',
  'jobcentre',
  'housing-allocation',
  'prevention-team',
];

/** Senders outside the municipality: they write notices about their own cases and read back only those. */
export const EXTERNAL_UNIT_TYPES: readonly UnitType[] = [
  'psychiatry',
  'hospital',
  'prison',
  'housing-association',
];
