/**
 * A decider is the pure core of one event-sourced process: `decide` turns a command into new events (or throws
 * a DomainError), `evolve` folds one event into state. Time is passed in so deciders stay deterministic.
 */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State, now: Date): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<State, Event>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/**
 * Compile-time exhaustiveness check; reaching it at runtime means an event/command type was not handled.
 * Pass the discriminant (`x.type`) or the whole union value; only the type string is reported, never payload.
 */
export function assertNever(x: never): never {
  const value: unknown = x;
  const type = typeof value === 'string' ? value : (value as { type?: unknown } | null)?.type;
  throw new Error(`Unhandled variant${typeof type === 'string' ? `: ${type}` : ''}`);
}
