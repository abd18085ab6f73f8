import {
  CitizenStatusFacts,
  ContactRow,
  housingSituation,
  runningCourses,
} from '../citizen-status/citizen-status.read';
import type { ShelterStayRow } from '../shelter-stays/shelter-stays.read';
import { addDays, addMonths, copenhagenDate, wholeMonthsBetween } from '../read-model-time/read-model-time';

/**
 * The jobcentre's check before a sanction (DOMAIN.md §2, §6 rule A4): is the citizen newly rehoused, in Housing
 * First support or in a shelter, and whom to phone for the extended hearing (001:L3562: "just phone me, so we
 * avoid a sanction"). Every threshold and weight is here, in one place.
 */
export type SanctionRiskLevel = 'high' | 'elevated' | 'none';
export const SANCTION_RISK_LEVELS: readonly SanctionRiskLevel[] = ['high', 'elevated', 'none'];

export type SanctionRiskReasonCode =
  'rehoused' | 'hf-support-active' | 'in-shelter' | 'recent-institution-stay';
export const SANCTION_RISK_REASON_CODES: readonly SanctionRiskReasonCode[] = [
  'rehoused',
  'hf-support-active',
  'in-shelter',
  'recent-institution-stay',
];

export type ContactRoleForHearing = 'support-worker' | 'shelter-contact' | 'authority-caseworker';

export const SANCTION_RISK_RULES = Object.freeze({
  /** moved into a permanent home at most this many months ago */
  rehousedWithinMonths: 12,
  /** a hospital (psychiatric or somatic) admission or a prison stay that lasted into the last N days */
  institutionWithinDays: 90,
  /** the level each reason raises the risk to; the check answers the highest of its reasons */
  levelByReason: Object.freeze({
    rehoused: 'high',
    'hf-support-active': 'high',
    'in-shelter': 'high',
    'recent-institution-stay': 'elevated',
  }) as Readonly<Record<SanctionRiskReasonCode, Exclude<SanctionRiskLevel, 'none'>>>,
  /** whom the jobcentre contacts for the extended hearing: the first role the citizen has a contact in */
  hearingContactRoles: Object.freeze([
    'support-worker',
    'shelter-contact',
    'authority-caseworker',
  ]) as readonly ContactRoleForHearing[],
});
export type SanctionRiskRules = typeof SANCTION_RISK_RULES;

/**
 * A derived fact, never the underlying event (the jobcentre sees housing, shelter and support as "flag only",
 * and health and justice not at all, DOMAIN.md §3): a hospital admission and a prison stay are therefore one
 * reason that does not say which of the two it was.
 */
export interface SanctionRiskReason {
  code: SanctionRiskReasonCode;
  level: Exclude<SanctionRiskLevel, 'none'>;
  description: string;
  /** rehoused: whole months since the move-in */
  monthsAgo?: number;
  /** rehoused: the Danish date of the move-in */
  movedInOn?: string;
  /** hf-support-active: the method (cti, icm, act, m-act, section-85, aftercare) */
  method?: string;
  /** hf-support-active: serviceloven §85 or §85a */
  legalBasis?: string;
  /** hf-support-active: the course is paused (admission or prison), not ended */
  paused?: boolean;
}

export interface HearingContact {
  role: ContactRoleForHearing;
  staffId: string;
  unitId: string;
  channel: { kind: string; value: string } | null;
}

export interface SanctionRiskAssessment {
  citizenId: string;
  level: SanctionRiskLevel;
  reasons: SanctionRiskReason[];
  /** whom to reach for the extended hearing; null when the citizen has none of the roles */
  hearingContact: HearingContact | null;
}

const METHOD_TEXT: Record<string, string> = {
  'section-85': '§85 bostøtte',
  cti: 'CTI',
  icm: 'ICM',
  act: 'ACT',
  'm-act': 'M-ACT',
  aftercare: 'shelter aftercare',
};

export function assessSanctionRisk(
  facts: CitizenStatusFacts,
  shelterStays: readonly ShelterStayRow[],
  now: Date,
  rules: SanctionRiskRules = SANCTION_RISK_RULES,
): SanctionRiskAssessment {
  const today = copenhagenDate(now);
  const reasons: SanctionRiskReason[] = [];
  const reason = (
    code: SanctionRiskReasonCode,
    description: string,
    extra: Partial<SanctionRiskReason> = {},
  ) => reasons.push({ code, level: rules.levelByReason[code], description, ...extra });

  const housing = housingSituation(facts.tenancies);
  if (housing.permanentHome && housing.since) {
    const movedInOn = copenhagenDate(housing.since);
    if (movedInOn >= addMonths(today, -rules.rehousedWithinMonths)) {
      const monthsAgo = Math.max(0, wholeMonthsBetween(movedInOn, today));
      reason('rehoused', `Moved into a permanent home ${monthsAgo} month${monthsAgo === 1 ? '' : 's'} ago`, {
        monthsAgo,
        movedInOn,
      });
    }
  }

  for (const course of runningCourses(facts.courses)) {
    const method = METHOD_TEXT[course.method] ?? course.method;
    reason(
      'hf-support-active',
      `Active ${method} support (${course.legalBasis})${course.pausedAt ? ', paused' : ''}`,
      {
        method: course.method,
        legalBasis: course.legalBasis,
        paused: course.pausedAt !== null,
      },
    );
  }

  if (shelterStays.some((s) => s.dischargedAt === null))
    reason('in-shelter', 'Staying in a §110 shelter now');

  const since = addDays(today, -rules.institutionWithinDays);
  const recent = facts.institutionStays.some((s) => s.endedAt === null || copenhagenDate(s.endedAt) >= since);
  if (recent)
    reason(
      'recent-institution-stay',
      `Hospital admission or prison stay within the last ${rules.institutionWithinDays} days`,
    );

  const level: SanctionRiskLevel = reasons.some((r) => r.level === 'high')
    ? 'high'
    : reasons.length > 0
      ? 'elevated'
      : 'none';
  return {
    citizenId: facts.citizenId,
    level,
    reasons,
    hearingContact: hearingContact(facts.contacts, rules),
  };
}

function hearingContact(contacts: readonly ContactRow[], rules: SanctionRiskRules): HearingContact | null {
  for (const role of rules.hearingContactRoles) {
    const contact = contacts.find((c) => c.role === role);
    if (contact) return { role, staffId: contact.staffId, unitId: contact.unitId, channel: contact.channel };
  }
  return null;
}
