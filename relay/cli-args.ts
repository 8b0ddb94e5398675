/**
 * Command-line flags of `npm run relay`, each with an environment variable
 * (issue 2 point 3). Flags win over the environment, which wins over defaults.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
}

export type CliParse =
  | { readonly kind: 'run'; readonly config: CliConfig }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

export const HELP = `Usage: npm run relay -- [options]

Runs the Commonplace relay: one HTTP + WebSocket port speaking the y-websocket
protocol; documents persist in SQLite under the data directory.

Options (each also read from an environment variable):
  --port <n>     TCP port, 0 for any free port   (RELAY_PORT, default 4444)
  --host <addr>  interface to listen on          (RELAY_HOST, default 127.0.0.1)
  --data <dir>   data directory                  (RELAY_DATA, default .data/relay)
  --help         print this help and exit

Clients connect to ws://HOST:PORT/<spaceId>/<docId>. GET /healthz reports status.
Close codes and limits: relay/README.md.`;

const DEFAULT_PORT = 4444;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_DATA = '.data/relay';

function parsePort(text: string, source: string): number | string {
  if (!/^\d{1,5}$/.test(text))
    return `${source}: port must be an integer from 0 to 65535, got "${text}"`;
  const port = Number(text);
  if (port > 65535) return `${source}: port must be an integer from 0 to 65535, got "${text}"`;
  return port;
}

/**
 * Parses argv (without `node` and the script) and the environment.
 * Never throws: bad input comes back as `{ kind: 'error', message }`.
 */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  if (values.help === true) return { kind: 'help', text: HELP };

  const portText = values.port ?? env.RELAY_PORT;
  const port =
    portText === undefined
      ? DEFAULT_PORT
      : parsePort(portText, values.port === undefined ? 'RELAY_PORT' : '--port');
  if (typeof port === 'string') return { kind: 'error', message: port };

  const host = values.host ?? env.RELAY_HOST ?? DEFAULT_HOST;
  if (host.trim() === '') return { kind: 'error', message: '--host must not be empty' };
  const data = values.data ?? env.RELAY_DATA ?? DEFAULT_DATA;
  if (data.trim() === '') return { kind: 'error', message: '--data must not be empty' };

  return { kind: 'run', config: { port, host, dataDir: resolve(cwd, data) } };
}
