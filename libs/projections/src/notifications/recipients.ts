import type { AlertRecipient } from '@hf/domain/alerts';

/** The unit a subscription or a feed reader stands for. */
export interface AddressedUnit {
  unitId: string;
  unitType: string;
  municipality: string | null;
}

/**
 * Whether an alert is addressed to the unit, exactly as the inbox decides it (`alerts-inbox.query.ts`): to its
 * unit id, or to its unit type in its municipality (which includes recipients that also name a specific unit).
 */
export function addressedTo(recipients: readonly AlertRecipient[], unit: AddressedUnit): boolean {
  return recipients.some(
    (r) =>
      r.unitId === unit.unitId ||
      (unit.municipality !== null && r.unitType === unit.unitType && r.municipality === unit.municipality),
  );
}

/** The same test as SQL containment patterns on a `recipients` jsonb column (used by the feed). */
export function recipientPatterns(unit: AddressedUnit): string[] {
  return [
    JSON.stringify([{ unitId: unit.unitId }]),
    ...(unit.municipality
      ? [JSON.stringify([{ unitType: unit.unitType, municipality: unit.municipality }])]
      : []),
  ];
}
