import type { UnitType } from '@hf/domain/alerts/alert';
import { MUNICIPAL_UNIT_TYPES as MUNICIPAL } from './visibility-matrix';

/**
 * Which unit types may record which facts: each unit records what its function does, and external senders only
 * their notices (DOMAIN.md §2-§3). Keyed by process, with command-level exceptions. Policy data, like the
 * visibility matrix.
 */
export const WRITE_PERMISSIONS: Readonly<Record<string, readonly UnitType[]>> = {
  citizen: [...MUNICIPAL, 'shelter'],
  'record-links': ['social-authority'],
  'shelter-stay': ['shelter', 'social-authority'],
  plan: ['social-authority', 'support-provider'],
  housing: [
    'social-authority',
    'housing-allocation',
    'housing-association',
    'support-provider',
    'prevention-team',
  ],
  benefits: ['benefits', 'social-authority'],
  support: ['support-provider', 'social-authority'],
  employment: ['jobcentre'],
  institution: ['psychiatry', 'hospital', 'prison'],
  'break-glass': ['social-authority'],
};

export const COMMAND_WRITE_PERMISSIONS: Readonly<Record<string, readonly UnitType[]>> = {
  RegisterCitizen: [...MUNICIPAL, 'shelter'],
  GiveConsent: ['social-authority', 'support-provider', 'shelter'],
  WithdrawConsent: ['social-authority', 'support-provider', 'shelter'],
  GrantBreakGlassAccess: ['social-authority'],
  RecordHospitalAdmission: ['psychiatry', 'hospital'],
  StartHospitalLeave: ['psychiatry', 'hospital'],
  EndHospitalLeave: ['psychiatry', 'hospital'],
  PlanHospitalDischarge: ['psychiatry', 'hospital'],
  RecordHospitalDischarge: ['psychiatry', 'hospital'],
  RecordDeathInHospital: ['psychiatry', 'hospital'],
  ReviseHospitalNotice: ['psychiatry', 'hospital'],
  CancelHospitalNotice: ['psychiatry', 'hospital'],
  RecordPrisonIntake: ['prison'],
  SchedulePrisonRelease: ['prison'],
  RecordPrisonRelease: ['prison'],
  // An admission or intake pauses support and a discharge or release resumes it, recorded by the institution's
  // request as a consequence of its own notice (Housing First: support pauses, it never ends).
  PauseSupport: ['support-provider', 'social-authority', 'psychiatry', 'hospital', 'prison'],
  ResumeSupport: ['support-provider', 'social-authority', 'psychiatry', 'hospital', 'prison'],
  // The receiving unit acknowledges a notice it was sent.
  AcknowledgeNotice: ['shelter', 'social-authority', 'support-provider'],
};

/** The unit types that may give a command, for routes whose handler does not go through DecideHandler. */
export function writersOf(process: string, commandType?: string): UnitType[] {
  return [
    ...((commandType !== undefined ? COMMAND_WRITE_PERMISSIONS[commandType] : undefined) ??
      WRITE_PERMISSIONS[process] ??
      []),
  ];
}

export function mayWrite(unitType: UnitType, process: string, commandType?: string): boolean {
  const allowed =
    (commandType !== undefined ? COMMAND_WRITE_PERMISSIONS[commandType] : undefined) ??
    WRITE_PERMISSIONS[process];
  return allowed?.includes(unitType) ?? false;
}
