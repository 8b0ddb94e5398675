import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stopChild, waitForJsonLine } from './processes.ts';

const node = (script: string) =>
  spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });

describe('waitForJsonLine', () => {
  it('resolves with the matching JSON line and echoes every line', async () => {
    const child = node(
      `console.log('plain text'); console.log(JSON.stringify({msg:'starting'})); console.log(JSON.stringify({msg:'listening', ws:'ws://127.0.0.1:1'})); setInterval(() => {}, 1000);`,
    );
    const echoed: string[] = [];
    const line = await waitForJsonLine(child, (v) => v['msg'] === 'listening', {
      timeoutMs: 10_000,
      echo: (l) => echoed.push(l),
    });
    expect(line).toMatchObject({ msg: 'listening', ws: 'ws://127.0.0.1:1' });
    expect(echoed[0]).toBe('plain text');
    await stopChild(child, 5_000);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('rejects when the child exits before it is ready', async () => {
    const child = node(`console.log('{"msg":"oops"}'); process.exit(3);`);
    await expect(
      waitForJsonLine(child, (v) => v['msg'] === 'listening', { timeoutMs: 10_000 }),
    ).rejects.toThrow('exited before it was ready (code 3)');
  });

  it('rejects when nothing matches in time', async () => {
    const child = node(`setInterval(() => {}, 1000);`);
    await expect(waitForJsonLine(child, () => false, { timeoutMs: 200 })).rejects.toThrow(
      'not ready after 200 ms',
    );
    await stopChild(child, 5_000);
  });
});

describe('stopChild', () => {
  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const child = spawn(
      process.execPath,
      ['-e', `process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise((resolve) => child.stdout.once('data', resolve));
    await stopChild(child, 300);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('returns at once for a child that already exited', async () => {
    const child = node('');
    await new Promise((resolve) => child.once('exit', resolve));
    await expect(stopChild(child, 10)).resolves.toBeUndefined();
  });
});
