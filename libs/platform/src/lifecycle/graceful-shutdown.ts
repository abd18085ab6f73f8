import type { Logger } from 'pino';
import { leaveShutdownSignalsToTheApp } from '../database/embedded';

export interface Closable {
  close(): Promise<void>;
}

export interface ShutdownOptions {
  /** after this long the process gives up waiting and exits 1 */
  timeoutMs: number;
  /**
   * How long to keep serving, already unready, before closing: requests a load balancer routed here before it saw
   * the readiness check fail are still answered instead of being cut off at the socket. 0 closes at once.
   */
  drainMs?: number;
  signals?: NodeJS.Signals[];
  /** for tests; the process's own exit otherwise */
  exit?: (code: number) => void;
}

let draining = false;

/** True once a shutdown signal has arrived: readiness answers 503 so that load balancers stop routing here. */
export function isShuttingDown(): boolean {
  return draining;
}

/**
 * On SIGTERM (or SIGINT) closes the app and exits 0: the API stops accepting connections and answers the requests
 * in flight before the pool closes; the worker finishes its batch, timer and webhook delivery in flight. An
 * orchestrator kills a process that ignores SIGTERM for too long, mid-write, so a shutdown that takes longer than
 * `timeoutMs` exits 1 by itself and says so. Nest's own shutdown hooks re-raise the signal after closing, which ends
 * the process with a signal instead of 0, so they are not used.
 */
export function closeGracefullyOnSignals(
  app: Closable,
  logger: Logger,
  options: ShutdownOptions,
): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    closing = true;
    draining = true;
    const started = Date.now();
    const drainMs = options.drainMs ?? 0;
    logger.info(
      { signal, drainMs, timeoutMs: options.timeoutMs },
      'shutting down: finishing the work in flight',
    );
    const timer = setTimeout(() => {
      logger.error(
        { timeoutMs: options.timeoutMs },
        'shutdown did not finish in time; exiting with work in flight',
      );
      exit(1);
    }, options.timeoutMs);
    const drained = new Promise<void>((resolve) => setTimeout(resolve, drainMs));
    drained
      .then(() => app.close())
      .then(
        () => {
          clearTimeout(timer);
          logger.info({ ms: Date.now() - started }, 'shut down cleanly');
          exit(0);
        },
        (error: unknown) => {
          clearTimeout(timer);
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
  };
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  if (!options.signals) leaveShutdownSignalsToTheApp();
  return () => signals.forEach((signal) => process.off(signal, onSignal));
}
