import type { EventWatch } from '../port';

/** One live subscription started by a WatchSource; `close` must be safe to call after it failed. */
export interface Subscription {
  close(): Promise<void>;
}

export interface SubscriptionHandlers<P> {
  /** an event arrived at position P */
  onEvent(position: P): void;
  /** the subscription failed or ended; it is dead and will be replaced */
  onFailure(error: unknown): void;
}

/** Starts a subscription after `from` (exclusive), or at the end of the log when `from` is undefined. */
export type WatchSource<P> = (from: P | undefined, handlers: SubscriptionHandlers<P>) => Subscription;

export interface ResubscribeOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** told about every failure before the wait, e.g. to log it */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** injectable for tests */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/**
 * Keeps one subscription alive: after a failure it waits (doubling from initialDelayMs up to maxDelayMs,
 * reset by the next event that arrives) and subscribes again from the last position it saw, so a dropped
 * connection loses no wake-ups. Each reconnect also wakes the reader once, because events appended while
 * no subscription was open are only replayed when a position had been seen.
 */
export function watchWithResubscribe<P>(
  source: WatchSource<P>,
  onAppended: () => void,
  options: ResubscribeOptions,
): EventWatch {
  const setTimer = options.setTimer ?? defaultTimer;
  let lastSeen: P | undefined;
  let failures = 0;
  let closed = false;
  let current: Subscription | undefined;
  let cancelTimer: (() => void) | undefined;
  // Late callbacks from a subscription that was already replaced or closed must not count.
  let generation = 0;

  const fail = (error: unknown) => {
    generation += 1;
    const dead = current;
    current = undefined;
    void dead?.close().catch(() => undefined);
    failures += 1;
    const delay = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (failures - 1));
    options.onRetry?.(error, failures, delay);
    cancelTimer = setTimer(() => {
      cancelTimer = undefined;
      if (closed) return;
      subscribe();
      onAppended();
    }, delay);
  };

  const subscribe = () => {
    const mine = ++generation;
    const isCurrent = () => !closed && mine === generation;
    try {
      const started = source(lastSeen, {
        onEvent(position) {
          if (!isCurrent()) return;
          lastSeen = position;
          failures = 0;
          onAppended();
        },
        onFailure(error) {
          if (isCurrent()) fail(error);
        },
      });
      // A source that failed synchronously has already been replaced.
      if (isCurrent()) current = started;
      else void started.close().catch(() => undefined);
    } catch (error) {
      if (isCurrent()) fail(error);
    }
  };

  subscribe();
  return {
    async close() {
      closed = true;
      cancelTimer?.();
      cancelTimer = undefined;
      const open = current;
      current = undefined;
      await open?.close();
    },
  };
}

function defaultTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}
