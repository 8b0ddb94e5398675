// `npm start`: builds the app, starts the relay on its embedded defaults
// (`node relay/cli.ts`, ws://127.0.0.1:4444, with its embedded development
// IdP unless COMMONPLACE_ISSUER names an external one) and launches the
// desktop app against both. Where no Electron binary can be found it says so
// in one line, points to `npm run web`, stops the relay and exits non-zero.
// Ctrl-C (or SIGTERM) stops both; closing the app stops the relay.
// Start-up prints one line per service with its URL: the build's output is
// shown only when it fails, and the relay's JSON log only after it is ready.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.ts';
import { clashedPort, portClashMessage } from './port-clash.ts';
import { stopChild, waitForJsonLine } from './processes.ts';
import { desktopEnvironment, relayArgs } from './start-env.ts';

const root = path.resolve(import.meta.dirname, '..');
const RELAY_READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 25_000; // above the relay's own shutdown grace (shared/limits.ts)

const children = new Set<ChildProcess>();
let stopping = false;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  await Promise.all([...children].map((child) => stopChild(child, STOP_GRACE_MS)));
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals, code: number): void {
  process.once(signal, () => {
    if (stopping) return;
    console.log(`start: ${signal}, stopping the app and the relay`);
    void shutdown(code);
  });
}
onSignal('SIGINT', 130);
onSignal('SIGTERM', 143);

function build(): void {
  if (process.argv.includes('--skip-build')) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    console.error('start: the build failed (see above)');
    process.exit(result.status ?? 1);
  }
}

/**
 * What to say when a relay log line before "listening" reports a failure:
 * a taken port names the variable that moves it.
 */
function startFailure(line: string): string | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null) return null;
  const { level, error } = record as { level?: unknown; error?: unknown };
  if (level !== 'error' || typeof error !== 'string') return null;
  const port = clashedPort(error);
  if (port === null) return `the relay failed to start: ${error}`;
  const idpPort = process.env['IDP_PORT']?.trim() || '4445';
  return portClashMessage(port, String(port) === idpPort ? 'IDP_PORT' : 'RELAY_PORT');
}

/** Starts the relay; resolves with its JSON "listening" line. */
async function startRelay(): Promise<Record<string, unknown>> {
  const args = [path.join(root, 'relay', 'cli.ts'), ...relayArgs(process.env)];
  const relay = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(relay);
  relay.once('exit', () => children.delete(relay));
  let isReady = false;
  let failure: string | null = null;
  const ready = await waitForJsonLine(relay, (line) => line['msg'] === 'listening', {
    timeoutMs: RELAY_READY_TIMEOUT_MS,
    echo: (line) => {
      if (isReady) console.log(`relay: ${line}`);
      else failure = startFailure(line) ?? failure;
    },
  }).catch((error: unknown) => {
    throw new Error(failure ?? `the relay ${error instanceof Error ? error.message : 'failed'}`);
  });
  isReady = true;
  console.log(`Relay:           ${String(ready['ws'])} (data ${String(ready['data'])})`);
  if (process.env['COMMONPLACE_ISSUER']?.trim()) {
    console.log(`Identity provider: ${String(ready['issuer'])}`);
  } else {
    console.log(`Development IdP: ${String(ready['issuer'])}`);
  }
  relay.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(
      `start: the relay stopped (${signal ?? `code ${String(code)}`}); stopping the app`,
    );
    void shutdown(1);
  });
  return ready;
}

function launchElectron(binary: string, ready: Record<string, unknown>): void {
  const { env, warning } = desktopEnvironment(ready, process.env);
  if (warning !== null) console.warn(`start: ${warning}`);
  const app = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  children.add(app);
  app.once('error', (error) => {
    console.error(`start: could not launch Electron: ${error.message}`);
    void shutdown(1);
  });
  app.once('exit', (code, signal) => {
    children.delete(app);
    if (stopping) return;
    console.log(`start: the app exited (${signal ?? `code ${String(code)}`}); stopping the relay`);
    void shutdown(code ?? 1);
  });
}

async function main(): Promise<void> {
  build();
  const ready = await startRelay();
  const electron = findElectronBinary();
  if (!electron.ok) {
    console.error(
      `start: cannot open the desktop app, no Electron binary here (${electron.reason}); run \`npm run web\` to use Commonplace in a browser instead.`,
    );
    await shutdown(1);
    return;
  }
  launchElectron(electron.path, ready);
}

main().catch(async (error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
