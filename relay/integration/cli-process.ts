/**
 * Spawns the relay CLI (the sources, relay/cli.ts, or a build of them) as a
 * child process and waits for its "listening" log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StartedCli {
  readonly child: ChildProcess;
  /** http:// URL from the "listening" line. */
  readonly url: string;
  /** Every JSON log line so far (and later ones, as they come). */
  readonly lines: Record<string, unknown>[];
}

/**
 * Runs `node <cli> ...args` with `env` over the current environment; pushes
 * the child to `children` (for clean-up) before waiting. Rejects if it exits
 * before logging "listening".
 */
export async function startCli(
  cli: string,
  args: readonly string[],
  children: ChildProcess[],
  env: NodeJS.ProcessEnv = {},
): Promise<StartedCli> {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: Record<string, unknown>[] = [];
  const reader = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    reader.on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (entry['msg'] === 'listening' && typeof entry['url'] === 'string') resolve(entry['url']);
    });
    child.once('exit', (code) => {
      reject(new Error(`relay exited early with ${String(code)}: ${stderr}`));
    });
  });
  return { child, url, lines };
}
