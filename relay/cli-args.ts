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
  /** External OpenID Connect issuer; null runs the embedded development IdP. */
  readonly issuer: string | null;
  /** Expected `aud` of access tokens. */
  readonly audience: string;
  /** Email domains admitted (lower case); empty admits every domain. */
  readonly allowedDomains: readonly string[];
  /** Port of the embedded development IdP (unused with an issuer). */
  readonly idpPort: number;
  /** Browser origins allowed to call the REST API (CORS). */
  readonly corsOrigins: readonly string[];
}

export type CliParse =
  | { readonly kind: 'run'; readonly config: CliConfig }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** Default `aud` (the dev IdP's DEFAULT_AUDIENCE; a URN, RFC 8707 §2). */
export const DEFAULT_AUDIENCE = 'urn:commonplace:relay';
const DEFAULT_IDP_PORT = 4445;
const DEFAULT_PORT = 4444;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_DATA = '.data/relay';

export const HELP = `Usage: npm run relay -- [options]

Runs the Commonplace relay: one HTTP + WebSocket port speaking the y-websocket
protocol; documents persist in SQLite under the data directory.

Options (each also read from an environment variable):
  --port <n>               TCP port, 0 for any free port       (RELAY_PORT, default 4444)
  --host <addr>            interface to listen on              (RELAY_HOST, default 127.0.0.1)
  --data <dir>             data directory                      (RELAY_DATA, default .data/relay)
  --issuer <url>           OpenID Connect issuer of the access tokens (RELAY_ISSUER);
                           without it an embedded development IdP runs on loopback
  --audience <aud>         expected token audience             (RELAY_AUDIENCE, default ${DEFAULT_AUDIENCE})
  --allowed-domains <d,…>  admit only these email domains      (RELAY_ALLOWED_DOMAINS)
  --idp-port <n>           port of the development IdP         (IDP_PORT, default 4445)
  --cors-origins <o,…>     browser origins that may call the API (RELAY_CORS_ORIGINS)
  --help                   print this help and exit

Clients connect to ws://HOST:PORT/<spaceId>/<docId>. GET /healthz reports status.
Close codes and limits: relay/README.md.`;

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
        issuer: { type: 'string' },
        audience: { type: 'string' },
        'allowed-domains': { type: 'string' },
        'idp-port': { type: 'string' },
        'cors-origins': { type: 'string' },
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

  const auth = parseAuth(values, env);
  if (typeof auth === 'string') return { kind: 'error', message: auth };

  return { kind: 'run', config: { port, host, dataDir: resolve(cwd, data), ...auth } };
}

type AuthConfig = Pick<
  CliConfig,
  'issuer' | 'audience' | 'allowedDomains' | 'idpPort' | 'corsOrigins'
>;

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Issuer, audience, domain policy, dev IdP port and CORS origins; a message on bad input. */
function parseAuth(
  values: Record<string, string | boolean | undefined>,
  env: Readonly<Record<string, string | undefined>>,
): AuthConfig | string {
  const flag = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const pick = (name: string, variable: string): [string | undefined, string] => {
    const fromFlag = flag(name);
    if (fromFlag !== undefined) return [fromFlag, `--${name}`];
    const fromEnv = env[variable];
    return [fromEnv === '' ? undefined : fromEnv, variable];
  };

  const [issuerText, issuerSource] = pick('issuer', 'RELAY_ISSUER');
  let issuer: string | null = null;
  if (issuerText !== undefined) {
    const url = URL.parse(issuerText);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return `${issuerSource}: issuer must be an http(s) URL, got "${issuerText}"`;
    }
    // The issuer is compared exactly with the token's `iss`: keep it as given.
    issuer = issuerText;
  }
  const [audienceText, audienceSource] = pick('audience', 'RELAY_AUDIENCE');
  const audience = audienceText ?? DEFAULT_AUDIENCE;
  if (audience.trim() === '') return `${audienceSource} must not be empty`;

  const [domainsText, domainsSource] = pick('allowed-domains', 'RELAY_ALLOWED_DOMAINS');
  const allowedDomains = list(domainsText).map((d) => d.toLowerCase());
  const badDomain = allowedDomains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  if (badDomain !== undefined) {
    return `${domainsSource}: "${badDomain}" is not a domain name (e.g. example.com)`;
  }

  const [idpPortText, idpPortSource] = pick('idp-port', 'IDP_PORT');
  const idpPort =
    idpPortText === undefined ? DEFAULT_IDP_PORT : parsePort(idpPortText, idpPortSource);
  if (typeof idpPort === 'string') return idpPort;

  const [corsText, corsSource] = pick('cors-origins', 'RELAY_CORS_ORIGINS');
  const corsOrigins = list(corsText);
  for (const origin of corsOrigins) {
    const url = URL.parse(origin);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return `${corsSource}: "${origin}" is not an http(s) origin`;
    }
  }
  return { issuer, audience, allowedDomains, idpPort, corsOrigins };
}
