// `npm run relay` as a process: JSON logs, the "listening" line with the real
// port, /healthz, and SIGTERM → close sockets, flush, exit 0 with data kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { connectClient, synced, tempDataDir, type TestClient } from './helpers.ts';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Started {
  child: ChildProcess;
  url: string;
  lines: Record<string, unknown>[];
}

async function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const reader = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    reader.on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (entry.msg === 'listening' && typeof entry.url === 'string') resolve(entry.url);
    });
    child.once('exit', (code) => {
      reject(new Error(`relay exited early with ${String(code)}`));
    });
  });
  return { child, url, lines };
}

describe('relay CLI', () => {
  it('listens on a real port, answers /healthz, and on SIGTERM closes with 1001, flushes and exits 0', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { child, url, lines } = await startCli(['--port', '0', '--data', data.dir]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', rooms: 0, connections: 0 });

    const wsUrl = url.replace(/^http/, 'ws');
    const alice = connectClient(wsUrl, 'team/notes');
    const bob = connectClient(wsUrl, 'team/notes');
    clients.push(alice, bob);
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'survives SIGTERM');
    await expect.poll(() => bob.text.toJSON()).toBe('survives SIGTERM');

    const closes: number[] = [];
    bob.provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(closes).toContain(CloseCode.ServerShuttingDown);
    expect(lines.map((l) => l.msg)).toContain('relay stopped');
    expect(JSON.stringify(lines)).not.toContain('survives SIGTERM');

    const storage = new SqliteStorage({ dataDir: data.dir });
    const doc = new Y.Doc();
    for (const update of storage.loadDoc('team/notes').updates) Y.applyUpdate(doc, update);
    storage.close();
    expect(doc.getText('body').toJSON()).toBe('survives SIGTERM');
  });

  it('reads RELAY_PORT, RELAY_HOST and RELAY_DATA from the environment', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const { child, url } = await startCli([], {
      RELAY_PORT: '0',
      RELAY_HOST: '127.0.0.1',
      RELAY_DATA: data.dir,
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('rejects a bad flag with exit code 2 and a message', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'eighty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('port must be an integer');
  });
});
