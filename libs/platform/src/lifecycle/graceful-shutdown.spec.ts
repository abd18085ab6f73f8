import pino from 'pino';
import { closeGracefullyOnSignals, isShuttingDown } from './graceful-shutdown';

// SIGUSR2 stands in for SIGTERM: emitting it runs only the listeners, it sends no signal to the test process.
const SIGNAL = 'SIGUSR2';

function lines() {
  const written: Array<{ msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void written.push(JSON.parse(line)) });
  return { logger, written };
}

describe('closeGracefullyOnSignals', () => {
  it('closes the app once and exits 0 when it has finished', async () => {
    const { logger, written } = lines();
    let closes = 0;
    const exited = new Promise<number>((resolve) => {
      const dispose = closeGracefullyOnSignals({ close: async () => void (closes += 1) }, logger, {
        timeoutMs: 1_000,
        signals: [SIGNAL],
        exit: (code) => (dispose(), resolve(code)),
      });
    });
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(0);
    expect(closes).toBe(1);
    expect(isShuttingDown()).toBe(true);
    expect(written.map((l) => l.msg)).toContain('shut down cleanly');
  });

  it('exits 1 with a log line when the work in flight outlasts the bound', async () => {
    const { logger, written } = lines();
    const exited = new Promise<number>((resolve) => {
      const dispose = closeGracefullyOnSignals({ close: () => new Promise<void>(() => undefined) }, logger, {
        timeoutMs: 50,
        signals: [SIGNAL],
        exit: (code) => (dispose(), resolve(code)),
      });
    });
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(1);
    expect(written.map((l) => l.msg)).toContain(
      'shutdown did not finish in time; exiting with work in flight',
    );
  });

  it('keeps serving for the drain time before it closes', async () => {
    const { logger } = lines();
    let closedAfter = -1;
    const started = Date.now();
    const exited = new Promise<number>((resolve) => {
      const dispose = closeGracefullyOnSignals(
        { close: async () => void (closedAfter = Date.now() - started) },
        logger,
        { timeoutMs: 1_000, drainMs: 120, signals: [SIGNAL], exit: (code) => (dispose(), resolve(code)) },
      );
    });
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(0);
    expect(closedAfter).toBeGreaterThanOrEqual(110);
  });
});
