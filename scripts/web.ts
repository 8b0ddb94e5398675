// `npm run web`: builds the renderer, starts the relay in-process and serves
// the renderer with its /config.json, then prints the URL on one line. Two
// browser windows on that URL co-edit the same note (issue 2, point 6).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { startRelay } from '../relay/server.ts';
import { startWebServer } from './web-server.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run web -- [--port <n>] [--relay-port <n>] [--data <dir>] [--skip-build] [--renderer <dir>]
  --port        web server port (env WEB_PORT, default 5173)
  --relay-port  relay port (env RELAY_PORT, default 4444)
  --data        relay data directory (env RELAY_DATA, default .data/relay)
  --skip-build  serve the existing build without rebuilding
  --renderer    directory of a built renderer to serve (implies --skip-build; default out/renderer)`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'relay-port': { type: 'string' },
      data: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      renderer: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const webPort = port(values.port ?? process.env['WEB_PORT'], 5173, '--port');
  const relayPort = port(values['relay-port'] ?? process.env['RELAY_PORT'], 4444, '--relay-port');
  const dataDir = path.resolve(
    values.data ?? process.env['RELAY_DATA'] ?? path.join(root, '.data', 'relay'),
  );

  const rendererDir =
    values.renderer === undefined
      ? path.join(root, 'out', 'renderer')
      : path.resolve(values.renderer);
  if (!values['skip-build'] && values.renderer === undefined) {
    await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
  }
  const relay = await startRelay({ port: relayPort, dataDir });
  let web;
  try {
    web = await startWebServer({
      rootDir: rendererDir,
      port: webPort,
      config: { relayUrl: relay.wsUrl },
    });
  } catch (error) {
    await relay.close();
    throw error;
  }
  console.log(`Commonplace web: ${web.url} (relay ${relay.wsUrl}, data ${dataDir})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`web: ${signal}, shutting down`);
    Promise.allSettled([web.close(), relay.close()])
      .then((results) => {
        const failed = results.filter((r) => r.status === 'rejected');
        for (const f of failed) console.error('web: close failed:', f.reason);
        process.exit(failed.length > 0 ? 1 : 0);
      })
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(`web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
