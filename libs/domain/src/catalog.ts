import type { CitizenEvent } from './citizen/citizen';
import type { ShelterStayEvent } from './shelter-stay/shelter-stay';

export type DomainEvent = CitizenEvent | ShelterStayEvent;
export type DomainEventType = DomainEvent['type'];

/**
 * The current schema version of every event type. A stored event with a lower version is upcast to
 * the current shape on read; bump the number and add an upcaster when an event's shape changes.
 */
export const EVENT_SCHEMA_VERSIONS: { readonly [T in DomainEventType]: number } = {
  CitizenRegistered: 1,
  ShelterAdmissionRecorded: 1,
  ShelterDischargeRecorded: 1,
};

/** What the store hands back; kept structural so the domain does not depend on the store. */
export interface StoredEventShape {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** upcasters[type][v] turns version v into version v + 1. */
const UPCASTERS: { [T in DomainEventType]?: Record<number, Upcaster> } = {};

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
}

export function schemaVersionOf(type: DomainEventType): number {
  return EVENT_SCHEMA_VERSIONS[type];
}

export function decodeEvent(stored: StoredEventShape): DomainEvent {
  if (!isDomainEventType(stored.type)) throw new Error(`unknown event type ${stored.type}`);
  const current = EVENT_SCHEMA_VERSIONS[stored.type];
  if (stored.schemaVersion > current) {
    throw new Error(`${stored.type} v${stored.schemaVersion} is newer than this code (v${current})`);
  }
  let data = stored.data;
  for (let version = stored.schemaVersion; version < current; version++) {
    const upcast = UPCASTERS[stored.type]?.[version];
    if (!upcast) throw new Error(`no upcaster for ${stored.type} v${version}`);
    data = upcast(data);
  }
  return { type: stored.type, data } as DomainEvent;
}
