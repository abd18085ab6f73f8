import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REGISTER = join(__dirname, 'ts-register.js');
const ROOT = join(__dirname, '..', '..', '..');

export interface RunningProcess {
  name: string;
  pid: number;
  /** every line the process wrote, stdout and stderr */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** resolves when a line matches, rejects when the process exits first or the time is up */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<ChildProcess>();

/**
 * Starts a TypeScript entry point (a path relative to the repository) in a process of its own, as a replica runs:
 * own pool, own timers, own signals. The sources are transpiled on load (ts-register.js), so no build is needed.
 */
export function startProcess(name: string, entry: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream!.setEncoding('utf8');
    stream!.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        listeners.forEach((listener) => listener(line));
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    name,
    pid: child.pid!,
    lines,
    exited,
    kill: (signal) => void child.kill(signal),
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => fail(new Error(`${name}: no line matching ${pattern} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          cleanup();
          resolve(line);
        };
        const fail = (error: Error) => {
          cleanup();
          reject(new Error(`${error.message}\n${lines.slice(-20).join('\n')}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
        void exited.then(({ code, signal }) => fail(new Error(`${name} exited (${code ?? signal}) first`)));
      });
    },
  };
}

/** For afterAll: no test leaves a replica running, whatever failed. */
export async function killAllStarted(): Promise<void> {
  const exits = [...running].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  running.forEach((child) => child.kill('SIGKILL'));
  await Promise.all(exits);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
