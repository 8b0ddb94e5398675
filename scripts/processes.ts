// Child-process helpers for `npm start`: wait for a service's "listening"
// line, and stop a child politely, then firmly.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Resolves with the first JSON line of `child`'s stdout that `match` accepts;
 * every line is passed to `echo` as it arrives. Rejects, with the reason in the
 * message, if the child exits first or nothing matches within `timeoutMs`.
 */
export function waitForJsonLine(
  child: ChildProcess & { stdout: Readable },
  match: (value: Record<string, unknown>) => boolean,
  options: { readonly timeoutMs: number; readonly echo?: (line: string) => void },
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let done = false;
    const finish = (error: Error | null, value?: Record<string, unknown>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error !== null) reject(error);
      else if (value !== undefined) resolve(value);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(new Error(`exited before it was ready (${signal ?? `code ${String(code)}`})`));
    };
    const timer = setTimeout(() => {
      finish(new Error(`not ready after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once('exit', onExit);
    lines.on('line', (line) => {
      options.echo?.(line);
      if (done) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return; // not a JSON line: only echoed
      }
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        if (match(record)) finish(null, record);
      }
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
