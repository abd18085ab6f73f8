import type { Decider } from './decider';

/**
 * Visibility category of an event (DOMAIN.md §3): the access policy decides per unit and category
 * who may see an event, so every event type declares one.
 */
export type EventCategory =
  'identity' | 'housing' | 'shelter' | 'plan' | 'support' | 'benefits' | 'employment' | 'health' | 'justice';

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeInfo {
  /** current schema version; bump it and add an upcaster when the event's shape changes */
  schemaVersion: number;
  category: EventCategory;
  /** the statute the fact is recorded under, where one applies, e.g. `serviceloven §110` */
  legalBasis?: string;
  /** upcasters[v] turns stored version v into version v + 1 */
  upcasters?: Record<number, Upcaster>;
  /**
   * For an event type whose timeline summary quotes free text (which may name the person however carefully the
   * field is described): the summary shown instead once the personal data of a citizen it concerns is erased.
   * The event itself keeps the text (events are immutable); read models must not.
   */
  erasedSummary?: string;
}

/** Everything the application needs to know about one process (a decider and its event types). */
export interface ProcessDefinition<
  Command = unknown,
  State = unknown,
  Event extends { type: string } = { type: string },
> {
  /** used in routes and logs, e.g. `housing` */
  name: string;
  /** stream of this process for a citizen; never contains personal data */
  streamId(citizenId: string): string;
  decider: Decider<Command, State, Event>;
  events: { readonly [T in Event['type']]: EventTypeInfo };
  /** one line for the timeline, built only from non-personal fields */
  summarize(event: Event): string;
}
