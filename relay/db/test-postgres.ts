/**
 * Test helper: a throw-away PostgreSQL server for one test file. `initdb`
 * into a temporary directory, `postgres` on a free loopback port with no Unix
 * socket, trust authentication (loopback only), and `fsync=off` since the data
 * is deleted afterwards anyway. PostgreSQL refuses to run as root, so under
 * root the server runs as the `postgres` account.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where Debian's PostgreSQL 15 keeps its server binaries. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  return existsSync(join(POSTGRES_BIN, 'postgres'))
    ? null
    : `no PostgreSQL server binary in ${POSTGRES_BIN}`;
}

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Creates a fresh empty database and returns its URL (one per test keeps tests apart). */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (PostgreSQL, unlike Node, cannot be told to pick one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string): number =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`postgres exited: ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`postgres did not start: ${log()}`);
}

let databases = 0;

/** Starts a private PostgreSQL server; call `stop()` in `afterAll`. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-pg-'));
  const user = runAs();
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  const asUser = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  const init = spawnSync(
    join(POSTGRES_BIN, 'initdb'),
    ['-D', dir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync'],
    { encoding: 'utf8', ...asUser },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let output = '';
  const server = spawn(
    join(POSTGRES_BIN, 'postgres'),
    ['-D', dir, '-p', String(port), '-h', '127.0.0.1', '-k', '', '-c', 'fsync=off'],
    { stdio: ['ignore', 'pipe', 'pipe'], ...asUser },
  );
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  server.stdout.on('data', collect);
  server.stderr.on('data', collect);
  const url = `postgres://postgres@127.0.0.1:${String(port)}/postgres`;
  const exited = new Promise<void>((resolve) => {
    server.once('exit', () => {
      resolve();
    });
  });
  await waitReady(url, server, () => output);
  return {
    url,
    async createDatabase() {
      databases += 1;
      const name = `test_${String(process.pid)}_${String(databases)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${String(port)}/${name}`;
    },
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected at once.
      if (server.exitCode === null) server.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
