/**
 * Test helper: a private redis-server on a free loopback port, with no
 * persistence, that a test can stop (as an outage: SIGKILL) and start again
 * on the same port. Redis cannot be told to pick a free port itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../db/test-postgres.ts';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/** Why Redis tests cannot run here, or null when they can. */
export function redisUnavailable(): string | null {
  const probe = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `no ${REDIS_SERVER} on PATH`;
}

export interface TestRedis {
  readonly url: string;
  /** Kills the server at once, as an outage would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: pub/sub keeps no state anyway). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (server.exitCode !== null) throw new Error(`redis-server exited: ${log()}`);
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch {
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server did not start: ${log()}`);
  } finally {
    probe.disconnect();
  }
}

/** Starts a private redis-server; call `stop()` in `afterAll`. */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${String(port)}`;
  let server: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const launch = async (): Promise<void> => {
    let output = '';
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    server = child;
    await waitReady(url, child, () => output);
  };
  const kill = async (): Promise<void> => {
    if (server !== null && server.exitCode === null) server.kill('SIGKILL');
    await exited;
    server = null;
  };
  await launch();
  return { url, kill, restart: launch, stop: kill };
}
