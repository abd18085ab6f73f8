/** The only place the API reads the wall clock; deciders get `now` as an argument. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
