import { DynamicModule, Global, Module } from '@nestjs/common';

/** The only place the API reads the wall clock; deciders get `now` as an argument. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Global so that every use-case module reads the same (in tests: a controllable) clock. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
