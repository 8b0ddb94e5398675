// Each relay under test runs as its own child process, so that its memory is
// its own (/proc/<pid>/status) and it does not share an event loop with the
// clients that measure it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { startDevIdp } from '../../idp/dev-idp.ts';
import { obtainTokens } from '../../idp/testing.ts';
import { SpaceSchema } from '../../shared/api.ts';
import { processMemory } from './machine.ts';

export interface RelayProcess {
  /** Short label used in tables: "ours" or "peer". */
  readonly name: string;
  readonly pid: number;
  /** ws:// base URL; the room is appended as the path. */
  readonly url: string;
  /** Space id to put rooms in (`<space>/<doc>`): one the bench user may write. */
  readonly space: string;
  /** Connection parameters for clients (a fresh access token for ours). */
  params(): Promise<Record<string, string>>;
  memory(): { rssKiB: number; peakKiB: number };
  stop(): Promise<void>;
}

export interface Launch {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Returns the ws:// URL (and the issuer, for ours) once a stdout line shows the relay listening. */
  ready: (line: string) => { url: string; issuer?: string } | undefined;
  cleanup?: () => Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/** The employee of the development IdP the benchmarks sign in as. */
const BENCH_USER = 'emp-1001';

const builds = new Map<string, Promise<string>>();

/**
 * Builds the production relay (vite.relay.config.ts → out/relay/cli.js) once
 * per process and returns the path of cli.js: the benchmarks measure what
 * `npm run relay` runs, and always a build of the current sources (a stale
 * out/relay/ would measure old code). Vite runs in a child process so that
 * its memory and work stay out of the bench process, whose event loop also
 * carries the measuring clients. Without a vite.relay.config.ts under root
 * nothing is built and the launch reports whatever is (not) there.
 */
export function buildOurRelay(root: string): Promise<string> {
  let build = builds.get(root);
  if (build === undefined) {
    build = buildOnce(root);
    builds.set(root, build);
  }
  return build;
}

async function buildOnce(root: string): Promise<string> {
  const cli = path.join(root, 'out', 'relay', 'cli.js');
  const config = path.join(root, 'vite.relay.config.ts');
  if (!existsSync(config)) return cli;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    await promisify(execFile)(
      process.execPath,
      [vite, 'build', '--config', config, '--logLevel', 'warn'],
      { cwd: root },
    );
  } catch (error) {
    const output =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`building the relay (vite.relay.config.ts) failed\n${output}`, {
      cause: error,
    });
  }
  return cli;
}

/**
 * A relay's JSON log line announcing it listens (`{"msg":"listening",…}`),
 * as a record; undefined for any other line, JSON or not.
 */
export function listeningRecord(line: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  return record['msg'] === 'listening' ? record : undefined;
}

/**
 * Our relay, built (out/relay/cli.js, see buildOurRelay), on an ephemeral
 * port with a fresh data directory, secure as it always is: it trusts a
 * development IdP, the bench signs in through the real code flow, creates a
 * space over the REST API and passes its access token to every client.
 */
export async function startOurRelay(
  root: string,
  extraArgs: readonly string[] = [],
): Promise<RelayProcess> {
  const cli = await buildOurRelay(root);
  const data = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-'));
  // The IdP runs in the bench process, not in the relay's: the relay's RSS is
  // then the relay's alone, as it is in production next to a company IdP.
  const idp = await startDevIdp({ port: 0 });
  return startRelay({
    name: 'ours',
    args: [
      cli,
      '--port',
      '0',
      '--data',
      data,
      '--issuer',
      idp.issuer,
      '--audience',
      idp.audience,
      ...extraArgs,
    ],
    env: process.env,
    cwd: root,
    ready: (line) => {
      // The relay logs JSON lines; one says {"msg":"listening","url":"http://…"}.
      const record = listeningRecord(line);
      if (record === undefined) return undefined;
      const url = record['url'];
      const issuer = record['issuer'];
      if (typeof url !== 'string') return undefined;
      return {
        url: url.replace(/^http/, 'ws'),
        ...(typeof issuer === 'string' ? { issuer } : {}),
      };
    },
    cleanup: async () => {
      await idp.close();
      await rm(data, { recursive: true, force: true });
    },
  });
}

/**
 * Our relay from source (bench/lib/rules-relay-main.ts) with the update
 * rules `on` or `off`, named `rules on` / `rules off`; otherwise set up as
 * `startOurRelay` is (dev IdP in the bench process, fresh data directory).
 */
export async function startRulesRelay(
  root: string,
  rules: 'on' | 'off' | 'audit-off',
): Promise<RelayProcess> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-'));
  const idp = await startDevIdp({ port: 0 });
  const main = path.join(root, 'bench', 'lib', 'rules-relay-main.ts');
  return startRelay({
    name: `rules ${rules}`,
    args: [main, data, idp.issuer, idp.audience, rules],
    env: process.env,
    cwd: root,
    ready: (line) => {
      const record = listeningRecord(line);
      if (record === undefined) return undefined;
      const url = record['url'];
      if (typeof url !== 'string') return undefined;
      return { url: url.replace(/^http/, 'ws'), issuer: idp.issuer };
    },
    cleanup: async () => {
      await idp.close();
      await rm(data, { recursive: true, force: true });
    },
  });
}

/**
 * The stock relay of @y/websocket-server, unchanged: HOST and PORT from the
 * environment, no persistence (YPERSISTENCE removed from its environment).
 */
export async function startPeerRelay(root: string): Promise<RelayProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env['YPERSISTENCE'];
  return startRelay({
    name: 'peer',
    args: [path.join(root, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')],
    env,
    cwd: root,
    // server.js prints: running at '127.0.0.1' on port 1234
    ready: (line) =>
      line.includes(`on port ${port}`) ? { url: `ws://127.0.0.1:${port}` } : undefined,
  });
}

/** A TCP port that was free a moment ago (the stock relay cannot take port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe socket'));
      });
    });
  });
}

export async function startRelay(launch: Launch): Promise<RelayProcess> {
  const child = spawn(process.execPath, launch.args, {
    cwd: launch.cwd,
    env: launch.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the last lines of output for error messages, and keep draining both
  // pipes so a chatty relay never blocks on a full pipe mid-measurement.
  const tail: string[] = [];
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  const stderr = createInterface({ input: child.stderr });
  stderr.on('line', remember);
  const stdout = createInterface({ input: child.stdout });
  try {
    const { url, issuer } = await new Promise<{ url: string; issuer?: string }>(
      (resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `${launch.name} relay did not report listening within ${START_TIMEOUT_MS} ms`,
            ),
          );
        }, START_TIMEOUT_MS);
        stdout.on('line', (line) => {
          remember(line);
          const found = launch.ready(line);
          if (found !== undefined) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(
            new Error(`${launch.name} relay exited (${String(code ?? signal)}) before listening`),
          );
        });
      },
    );
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${launch.name} relay has no pid`);
    const access = issuer === undefined ? null : await signIn(url, issuer);
    return {
      name: launch.name,
      pid,
      url,
      space: access?.space ?? 'bench',
      params: async () =>
        issuer === undefined ? {} : { token: (await obtainTokens(issuer, BENCH_USER)).accessToken },
      memory: () => processMemory(pid),
      stop: async () => {
        await stopChild(child);
        await launch.cleanup?.();
      },
    };
  } catch (error) {
    await stopChild(child);
    await launch.cleanup?.();
    const detail = tail.length > 0 ? `\n--- last output ---\n${tail.join('\n')}` : '';
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}${detail}`, { cause: error });
  }
}

/** Signs in to the relay's IdP and creates the space the bench writes in. */
async function signIn(wsUrl: string, issuer: string): Promise<{ space: string }> {
  const { accessToken } = await obtainTokens(issuer, BENCH_USER);
  const response = await fetch(`${wsUrl.replace(/^ws/, 'http')}/api/spaces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Benchmark' }),
  });
  if (response.status !== 201) throw new Error(`creating the bench space: HTTP ${response.status}`);
  return { space: SpaceSchema.parse(await response.json()).id };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
