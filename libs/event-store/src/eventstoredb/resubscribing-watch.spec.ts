import { SubscriptionHandlers, watchWithResubscribe } from './resubscribing-watch';

/** A subscription source whose subscriptions the test drives by hand, and a clock the test advances. */
function harness() {
  const subscriptions: {
    from: number | undefined;
    handlers: SubscriptionHandlers<number>;
    closed: boolean;
  }[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const delays: number[] = [];
  let wakes = 0;
  const watch = watchWithResubscribe<number>(
    (from, handlers) => {
      const entry = { from, handlers, closed: false };
      subscriptions.push(entry);
      return {
        close: async () => {
          entry.closed = true;
        },
      };
    },
    () => (wakes += 1),
    {
      initialDelayMs: 100,
      maxDelayMs: 1000,
      onRetry: (_error, _attempt, delay) => delays.push(delay),
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    },
  );
  const latest = () => subscriptions[subscriptions.length - 1];
  const fireTimers = () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.fn();
  };
  return { watch, subscriptions, timers, delays, latest, fireTimers, wakes: () => wakes };
}

describe('watchWithResubscribe', () => {
  it('starts at the end of the log and wakes the reader for every event', () => {
    const h = harness();
    expect(h.subscriptions).toHaveLength(1);
    expect(h.latest().from).toBeUndefined();
    h.latest().handlers.onEvent(10);
    h.latest().handlers.onEvent(11);
    expect(h.wakes()).toBe(2);
  });

  it('resubscribes from the last position it saw, after a doubling delay capped at the maximum', () => {
    const h = harness();
    h.latest().handlers.onEvent(42);
    for (let i = 0; i < 6; i++) {
      const failing = h.latest();
      failing.handlers.onFailure(new Error('connection dropped'));
      expect(failing.closed).toBe(true);
      expect(h.subscriptions).toHaveLength(i + 1); // nothing before the delay has passed
      h.fireTimers();
      expect(h.latest().from).toBe(42);
    }
    expect(h.delays).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(h.subscriptions).toHaveLength(7);
  });

  it('starts the backoff over once an event arrives again', () => {
    const h = harness();
    h.latest().handlers.onFailure(new Error('down'));
    h.fireTimers();
    h.latest().handlers.onFailure(new Error('down'));
    h.fireTimers();
    h.latest().handlers.onEvent(7);
    h.latest().handlers.onFailure(new Error('down again'));
    h.fireTimers();
    expect(h.delays).toEqual([100, 200, 100]);
    expect(h.latest().from).toBe(7);
  });

  it('wakes the reader after each reconnect, since events appended meanwhile may not be replayed', () => {
    const h = harness();
    h.latest().handlers.onFailure(new Error('down'));
    expect(h.wakes()).toBe(0);
    h.fireTimers();
    expect(h.wakes()).toBe(1);
  });

  it('ignores late callbacks of a subscription it already replaced', () => {
    const h = harness();
    const first = h.latest();
    first.handlers.onFailure(new Error('down'));
    first.handlers.onFailure(new Error('down twice'));
    first.handlers.onEvent(99);
    h.fireTimers();
    expect(h.delays).toEqual([100]);
    expect(h.wakes()).toBe(1); // the reconnect wake only
    expect(h.latest().from).toBeUndefined();
  });

  it('retries a source that throws when asked to subscribe', () => {
    let attempts = 0;
    const timers: (() => void)[] = [];
    const watch = watchWithResubscribe<number>(
      () => {
        attempts += 1;
        if (attempts < 3) throw new Error('no server');
        return { close: async () => undefined };
      },
      () => undefined,
      { initialDelayMs: 1, maxDelayMs: 1, setTimer: (fn) => (timers.push(fn), () => undefined) },
    );
    timers.shift()?.();
    timers.shift()?.();
    expect(attempts).toBe(3);
    expect(timers).toHaveLength(0);
    return watch.close();
  });

  it('closing stops the pending retry and closes the live subscription', async () => {
    const h = harness();
    const live = h.latest();
    await h.watch.close();
    expect(live.closed).toBe(true);

    const g = harness();
    g.latest().handlers.onFailure(new Error('down'));
    await g.watch.close();
    g.fireTimers();
    expect(g.subscriptions).toHaveLength(1);
    expect(g.wakes()).toBe(0);
  });
});
