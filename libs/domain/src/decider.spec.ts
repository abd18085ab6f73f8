import { assertNever, Decider, fold } from './decider';

type CounterEvent = { type: 'Added'; by: number };
const counter: Decider<never, number, CounterEvent> = {
  decide: () => [],
  evolve: (state, event) => state + event.by,
  initialState: () => 0,
};

describe('fold', () => {
  it('given no events, returns the initial state', () => {
    expect(fold(counter, [])).toBe(0);
  });

  it('given events, applies them in order', () => {
    expect(
      fold(counter, [
        { type: 'Added', by: 2 },
        { type: 'Added', by: 3 },
      ]),
    ).toBe(5);
  });
});

describe('assertNever', () => {
  it('reports only the type of an unhandled variant, not its payload', () => {
    const unexpected = { type: 'Mystery', data: { secret: '0101901234' } } as never;
    expect(() => assertNever(unexpected)).toThrow('Unhandled variant: Mystery');
    expect(() => assertNever(unexpected)).not.toThrow(/0101901234/);
  });

  it('accepts a bare discriminant', () => {
    expect(() => assertNever('Mystery' as never)).toThrow('Unhandled variant: Mystery');
  });
});
