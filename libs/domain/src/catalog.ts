import { breakGlassProcess, type BreakGlassEvent } from './break-glass/break-glass';
import { citizenProcess, CitizenEvent } from './citizen/citizen';
import type { EventCategory, EventTypeInfo, ProcessDefinition } from './process';
import { shelterStayProcess, ShelterStayEvent } from './shelter-stay/shelter-stay';
// Each process adds its import, its union member and its list entry on the lines marked with its name.
import { planProcess, PlanEvent } from './plan/plan';
import { housingProcess, HousingEvent } from './housing/housing';
import { benefitsProcess, BenefitsEvent } from './benefits/benefits';
import { employmentProcess, EmploymentEvent } from './employment/employment';
import { supportProcess, SupportEvent } from './support/support';
import { institutionProcess, InstitutionEvent } from './institution/institution';
import { recordLinkProcess, RecordLinkEvent } from './identity/record-links';
import { alertProcess, AlertEvent } from './alerts/alert';

/** The events of every process; a process adds one member here, e.g. `plan: PlanEvent;`. */
interface EventsByProcess {
  citizen: CitizenEvent;
  shelterStay: ShelterStayEvent;
  recordLinks: RecordLinkEvent;
  plan: PlanEvent;
  housing: HousingEvent;
  benefits: BenefitsEvent;
  employment: EmploymentEvent;
  support: SupportEvent;
  institution: InstitutionEvent;
  alerts: AlertEvent;
  breakGlass: BreakGlassEvent;
}

export type DomainEvent = EventsByProcess[keyof EventsByProcess];

export const PROCESSES = [
  citizenProcess,
  shelterStayProcess,
  planProcess,
  housingProcess,
  benefitsProcess,
  employmentProcess,
  supportProcess,
  institutionProcess,
  recordLinkProcess,
  alertProcess,
  breakGlassProcess,
] as unknown as readonly ProcessDefinition<unknown, unknown, DomainEvent>[];

export type DomainEventType = DomainEvent['type'];
export type ProcessName = string;

const EVENT_TYPES = new Map<
  string,
  { info: EventTypeInfo; process: ProcessDefinition<unknown, unknown, DomainEvent> }
>();
for (const process of PROCESSES) {
  for (const [type, info] of Object.entries(process.events) as [string, EventTypeInfo][]) {
    if (EVENT_TYPES.has(type)) throw new Error(`event type ${type} is declared by two processes`);
    EVENT_TYPES.set(type, { info, process });
  }
}

export function processNamed(name: string): ProcessDefinition<unknown, unknown, DomainEvent> {
  const process = PROCESSES.find((p) => p.name === name);
  if (!process) throw new Error(`unknown process ${name}`);
  return process;
}

/** What the store hands back; kept structural so the domain does not depend on the store. */
export interface StoredEventShape {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

export function isDomainEventType(type: string): type is DomainEventType {
  return EVENT_TYPES.has(type);
}

export function eventTypeInfo(type: string): EventTypeInfo {
  const entry = EVENT_TYPES.get(type);
  if (!entry) throw new Error(`unknown event type ${type}`);
  return entry.info;
}

export function schemaVersionOf(type: string): number {
  return eventTypeInfo(type).schemaVersion;
}

export function categoryOf(type: string): EventCategory {
  return eventTypeInfo(type).category;
}

export function legalBasisOf(type: string): string | undefined {
  return eventTypeInfo(type).legalBasis;
}

/** Event types whose summary quotes free text, with the summary to show once a citizen they concern is erased. */
export function summariesOnceErased(): ReadonlyMap<string, string> {
  const summaries = new Map<string, string>();
  for (const [type, { info }] of EVENT_TYPES) {
    if (info.erasedSummary !== undefined) summaries.set(type, info.erasedSummary);
  }
  return summaries;
}

/** Turns a stored event of any known schema version into the current shape (the upcaster chain). */
export function decodeEvent(stored: StoredEventShape): DomainEvent {
  const info = eventTypeInfo(stored.type);
  if (stored.schemaVersion > info.schemaVersion) {
    throw new Error(
      `${stored.type} v${stored.schemaVersion} is newer than this code (v${info.schemaVersion})`,
    );
  }
  let data = stored.data;
  for (let version = stored.schemaVersion; version < info.schemaVersion; version++) {
    const upcast = info.upcasters?.[version];
    if (!upcast) throw new Error(`no upcaster for ${stored.type} v${version}`);
    data = upcast(data);
  }
  return { type: stored.type, data } as DomainEvent;
}

export function summarize(event: DomainEvent): string {
  const entry = EVENT_TYPES.get(event.type);
  if (!entry) throw new Error(`unknown event type ${event.type}`);
  return entry.process.summarize(event);
}
