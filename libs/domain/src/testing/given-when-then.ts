import { Decider, fold } from '../decider';
import { DomainError, DomainErrorKind } from '../errors';

/** Fixed "now" for specs: Monday 2 March 2026, 11:00 Copenhagen time. */
export const SPEC_NOW = new Date('2026-03-02T10:00:00Z');

/**
 * Given/when/then over a decider: `given` events are folded into state, `when` the command is decided at `now`,
 * `then` asserts the exact new events, `thenThrows` asserts a DomainError by code (and optionally kind) and
 * returns it for further assertions on details.
 */
export function specFor<C, S, E>(decider: Decider<C, S, E>, now: Date = SPEC_NOW) {
  return (given: E[]) => ({
    when: (command: C) => {
      const decide = (): E[] => decider.decide(command, fold(decider, given), now);
      return {
        then: (expected: E[]): void => {
          expect(decide()).toEqual(expected);
        },
        thenThrows: (code: string, kind?: DomainErrorKind): DomainError => {
          let caught: unknown;
          try {
            decide();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect(error.code).toBe(code);
          if (kind !== undefined) expect(error.kind).toBe(kind);
          return error;
        },
      };
    },
  });
}
