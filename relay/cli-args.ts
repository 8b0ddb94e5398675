/**
 * Command-line flags of `npm run relay`, each with an environment variable.
 * Flags win over the environment, which wins over defaults.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from '../shared/limits.ts';
import {
  GOVERNANCE_HELP,
  GOVERNANCE_OPTIONS,
  parseGovernance,
  type GovernanceConfig,
} from './cli-governance.ts';

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
  /** Limits an operator may set (the rest keep `DEFAULT_RELAY_LIMITS`). */
  readonly limits: CliLimits;
  /** Scale-out: PostgreSQL URL for documents, Redis URL for fan-out, admin port. */
  readonly scale: ScaleConfig;
  /** Company admins' group, groups claim, audit retention. */
  readonly governance: GovernanceConfig;
}

/** Several nodes: shared storage, fan-out between them, operations port. */
export interface ScaleConfig {
  /** `postgres://…` for document storage; null keeps SQLite in the data directory. */
  readonly databaseUrl: string | null;
  /** `redis://…` carrying updates between relay nodes; null serves this node's clients only. */
  readonly redisUrl: string | null;
  /** Port of /healthz, /readyz and /metrics for operators; null serves none. */
  readonly adminPort: number | null;
  /** Estimated memory for documents in bytes (limits.memoryBudgetBytes); null for the default. */
  readonly memoryBudgetBytes: number | null;
  /** One transaction per event-loop turn's updates (default); false commits each on its own. */
  readonly groupCommit: boolean;
}

/** The limits with a flag: image size, space quota, version history, fair shares, trash. */
export type CliLimits = Pick<
  RelayLimits,
  'maxFileBytes' | 'spaceFileQuotaBytes' | 'snapshotIntervalMs' | 'maxSnapshotsPerDoc'
> &
  Pick<RelayLimits, 'maxDocBytes'> &
  Pick<RelayLimits, (typeof SHARE_FLAGS)[number]['field']>;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Per-person shares and the trash, one flag each: whole numbers in the unit
 * named, scaled to the limit's milliseconds where it is a duration.
 */
const SHARE_FLAGS = [
  {
    flag: 'max-connections-per-person',
    env: 'RELAY_MAX_CONNECTIONS_PER_PERSON',
    field: 'maxConnectionsPerPerson',
    unit: 'connections',
    scale: 1,
    max: 1_000_000,
  },
  {
    flag: 'max-uploads-per-person',
    env: 'RELAY_MAX_UPLOADS_PER_PERSON',
    field: 'maxConcurrentUploadsPerPerson',
    unit: 'uploads',
    scale: 1,
    max: 10_000,
  },
  {
    flag: 'upload-idle-timeout',
    env: 'RELAY_UPLOAD_IDLE_TIMEOUT',
    field: 'uploadIdleTimeoutMs',
    unit: 'seconds',
    scale: 1000,
    max: Math.floor((2 ** 31 - 1) / 1000),
  },
  {
    flag: 'requests-per-minute',
    env: 'RELAY_REQUESTS_PER_MINUTE',
    field: 'restRequestsPerMinute',
    unit: 'requests',
    scale: 1,
    max: 1_000_000,
  },
  {
    flag: 'spaces-per-day',
    env: 'RELAY_SPACES_PER_DAY',
    field: 'spacesCreatedPerDay',
    unit: 'spaces',
    scale: 1,
    max: 1_000_000,
  },
  {
    flag: 'saves-per-hour',
    env: 'RELAY_SAVES_PER_HOUR',
    field: 'manualSnapshotsPerHour',
    unit: 'saves',
    scale: 1,
    max: 1_000_000,
  },
  {
    flag: 'trash-days',
    env: 'RELAY_TRASH_DAYS',
    field: 'trashRetentionMs',
    unit: 'days',
    scale: DAY_MS,
    max: 36_500,
  },
  {
    flag: 'file-grace-hours',
    env: 'RELAY_FILE_GRACE_HOURS',
    field: 'fileGraceMs',
    unit: 'hours',
    scale: HOUR_MS,
    max: 876_000,
  },
] as const;

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
  --max-file-bytes <n>     largest image a note may hold, in bytes
                           (RELAY_MAX_FILE_BYTES, default ${String(DEFAULT_RELAY_LIMITS.maxFileBytes)})
  --space-file-quota <n>   bytes of images one space may store in all, or "none"
                           (RELAY_SPACE_FILE_QUOTA, default ${String(DEFAULT_RELAY_LIMITS.spaceFileQuotaBytes)})
  --snapshot-interval <s>  least seconds between two snapshots of a changed note
                           (RELAY_SNAPSHOT_INTERVAL, default ${String(DEFAULT_RELAY_LIMITS.snapshotIntervalMs / 1000)})
  --max-snapshots <n>      most snapshots kept per note
                           (RELAY_MAX_SNAPSHOTS, default ${String(DEFAULT_RELAY_LIMITS.maxSnapshotsPerDoc)})
  --max-connections-per-person <n>  open WebSocket connections of one person
                           (RELAY_MAX_CONNECTIONS_PER_PERSON, default ${String(DEFAULT_RELAY_LIMITS.maxConnectionsPerPerson)})
  --max-uploads-per-person <n>  uploads one person may stream at once
                           (RELAY_MAX_UPLOADS_PER_PERSON, default ${String(DEFAULT_RELAY_LIMITS.maxConcurrentUploadsPerPerson)})
  --upload-idle-timeout <s>  seconds of silence after which an upload is cut off
                           (RELAY_UPLOAD_IDLE_TIMEOUT, default ${String(DEFAULT_RELAY_LIMITS.uploadIdleTimeoutMs / 1000)})
  --requests-per-minute <n>  REST requests of one person per minute
                           (RELAY_REQUESTS_PER_MINUTE, default ${String(DEFAULT_RELAY_LIMITS.restRequestsPerMinute)})
  --spaces-per-day <n>     spaces one person may create per day
                           (RELAY_SPACES_PER_DAY, default ${String(DEFAULT_RELAY_LIMITS.spacesCreatedPerDay)})
  --saves-per-hour <n>     "save version" calls of one person per hour
                           (RELAY_SAVES_PER_HOUR, default ${String(DEFAULT_RELAY_LIMITS.manualSnapshotsPerHour)})
  --trash-days <n>         days a deleted space or file stays restorable
                           (RELAY_TRASH_DAYS, default ${String(DEFAULT_RELAY_LIMITS.trashRetentionMs / DAY_MS)})
  --file-grace-hours <n>   hours an image no note refers to is kept before it is collected
                           (RELAY_FILE_GRACE_HOURS, default ${String(DEFAULT_RELAY_LIMITS.fileGraceMs / HOUR_MS)})
  --max-doc-bytes <n>      largest size of one document, in bytes
                           (RELAY_MAX_DOC_BYTES, default ${String(DEFAULT_RELAY_LIMITS.maxDocBytes)})
  --database <url>         postgres://user:pass@host/db: documents in PostgreSQL,
                           shared by every relay node (RELAY_DATABASE_URL; default SQLite)
  --redis <url>            redis://host:port: fan-out between relay nodes (RELAY_REDIS_URL)
  --admin-port <n>         port of /healthz, /readyz and /metrics for operators
                           (RELAY_ADMIN_PORT; on --host; keep it off the public network)
  --memory-budget <MiB>    estimated memory for documents (default 1024): idle ones are
                           unloaded first; past it new ones get 4429 and /readyz fails
                           (RELAY_MEMORY_BUDGET)
  --no-group-commit        commit every update on its own instead of one transaction per
                           event-loop turn: slower; for diagnosing storage
                           (RELAY_GROUP_COMMIT=off)
${GOVERNANCE_HELP}
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
        'max-file-bytes': { type: 'string' },
        'space-file-quota': { type: 'string' },
        'snapshot-interval': { type: 'string' },
        'max-snapshots': { type: 'string' },
        'max-doc-bytes': { type: 'string' },
        ...Object.fromEntries(SHARE_FLAGS.map((f) => [f.flag, { type: 'string' as const }])),
        database: { type: 'string' },
        redis: { type: 'string' },
        'admin-port': { type: 'string' },
        'memory-budget': { type: 'string' },
        'no-group-commit': { type: 'boolean' },
        ...GOVERNANCE_OPTIONS,
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
  const limits = parseLimits(values, env);
  if (typeof limits === 'string') return { kind: 'error', message: limits };

  const scale = parseScale(values, env);
  if (typeof scale === 'string') return { kind: 'error', message: scale };
  const governance = parseGovernance(values, env);
  if (typeof governance === 'string') return { kind: 'error', message: governance };

  return {
    kind: 'run',
    config: { port, host, dataDir: resolve(cwd, data), ...auth, limits, scale, governance },
  };
}

type FlagValues = Record<string, string | boolean | undefined>;
type Env = Readonly<Record<string, string | undefined>>;

/** A flag's text, else its (non-empty) environment variable's, with the name to cite in errors. */
function pick(
  values: FlagValues,
  env: Env,
  name: string,
  variable: string,
): [string | undefined, string] {
  const fromFlag = values[name];
  if (typeof fromFlag === 'string') return [fromFlag, `--${name}`];
  const fromEnv = env[variable];
  return [fromEnv === '' ? undefined : fromEnv, variable];
}

/** A whole number from `min` to `max` written in decimal digits only, or the message saying so. */
function parseWhole(
  text: string,
  source: string,
  range: { min: number; max: number; unit: string },
): number | string {
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return value;
  return `${source} must be a whole number of ${range.unit} from ${String(range.min)} to ${String(range.max)}, got "${text}"`;
}

/**
 * SQLite's default SQLITE_MAX_LENGTH (https://www.sqlite.org/limits.html §1):
 * files.sqlite cannot store a larger image anyway.
 */
const MAX_FILE_BYTES_CEILING = 1_000_000_000;
/**
 * Node clamps a timer longer than 2^31-1 ms to 1 ms (TimeoutOverflowWarning),
 * which would snapshot at once instead of rarely: about 24.8 days at most.
 */
const MAX_SNAPSHOT_INTERVAL_S = Math.floor((2 ** 31 - 1) / 1000);
const MAX_SNAPSHOTS_CEILING = 1_000_000;

/** `--space-file-quota`: whole bytes, or `none` for no quota; a message on bad input. */
function parseQuota(values: FlagValues, env: Env): number | null | string {
  const [text, source] = pick(values, env, 'space-file-quota', 'RELAY_SPACE_FILE_QUOTA');
  if (text === undefined) return DEFAULT_RELAY_LIMITS.spaceFileQuotaBytes;
  if (text === 'none') return null;
  const quota = parseWhole(text, source, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    unit: 'bytes',
  });
  return typeof quota === 'string' ? `${quota} (or "none" for no quota)` : quota;
}

/**
 * `--max-file-bytes`, `--space-file-quota`, `--snapshot-interval` (seconds),
 * `--max-snapshots`; a message on bad input.
 */
function parseLimits(values: FlagValues, env: Env): CliLimits | string {
  const [fileText, fileSource] = pick(values, env, 'max-file-bytes', 'RELAY_MAX_FILE_BYTES');
  const maxFileBytes =
    fileText === undefined
      ? DEFAULT_RELAY_LIMITS.maxFileBytes
      : parseWhole(fileText, fileSource, { min: 1, max: MAX_FILE_BYTES_CEILING, unit: 'bytes' });
  if (typeof maxFileBytes === 'string') return maxFileBytes;
  const spaceFileQuotaBytes = parseQuota(values, env);
  if (typeof spaceFileQuotaBytes === 'string') return spaceFileQuotaBytes;

  const [intervalText, intervalSource] = pick(
    values,
    env,
    'snapshot-interval',
    'RELAY_SNAPSHOT_INTERVAL',
  );
  const intervalSeconds =
    intervalText === undefined
      ? DEFAULT_RELAY_LIMITS.snapshotIntervalMs / 1000
      : parseWhole(intervalText, intervalSource, {
          min: 1,
          max: MAX_SNAPSHOT_INTERVAL_S,
          unit: 'seconds',
        });
  if (typeof intervalSeconds === 'string') return intervalSeconds;

  const [countText, countSource] = pick(values, env, 'max-snapshots', 'RELAY_MAX_SNAPSHOTS');
  const maxSnapshotsPerDoc =
    countText === undefined
      ? DEFAULT_RELAY_LIMITS.maxSnapshotsPerDoc
      : parseWhole(countText, countSource, {
          min: 1,
          max: MAX_SNAPSHOTS_CEILING,
          unit: 'snapshots',
        });
  if (typeof maxSnapshotsPerDoc === 'string') return maxSnapshotsPerDoc;

  const maxDocBytes = parseDocBytes(values, env);
  if (typeof maxDocBytes === 'string') return maxDocBytes;
  const shares = parseShares(values, env);
  if (typeof shares === 'string') return shares;

  return {
    maxFileBytes,
    spaceFileQuotaBytes,
    snapshotIntervalMs: intervalSeconds * 1000,
    maxSnapshotsPerDoc,
    maxDocBytes,
    ...shares,
  };
}

/**
 * `--max-doc-bytes`: whole bytes, at least 64 KiB (a smaller cap would
 * refuse an ordinary note) and at most SQLite's largest value (a compacted
 * document is one row).
 */
function parseDocBytes(values: FlagValues, env: Env): number | string {
  const [text, source] = pick(values, env, 'max-doc-bytes', 'RELAY_MAX_DOC_BYTES');
  if (text === undefined) return DEFAULT_RELAY_LIMITS.maxDocBytes;
  return parseWhole(text, source, { min: 64 * 1024, max: MAX_FILE_BYTES_CEILING, unit: 'bytes' });
}

type ShareLimits = Pick<RelayLimits, (typeof SHARE_FLAGS)[number]['field']>;

/** The flags of `SHARE_FLAGS`; a message on bad input. */
function parseShares(values: FlagValues, env: Env): ShareLimits | string {
  const shares: Record<string, number> = {};
  for (const spec of SHARE_FLAGS) {
    const [text, source] = pick(values, env, spec.flag, spec.env);
    if (text === undefined) {
      shares[spec.field] = DEFAULT_RELAY_LIMITS[spec.field];
      continue;
    }
    const value = parseWhole(text, source, { min: 1, max: spec.max, unit: spec.unit });
    if (typeof value === 'string') return value;
    shares[spec.field] = value * spec.scale;
  }
  return shares as ShareLimits;
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
function parseAuth(values: FlagValues, env: Env): AuthConfig | string {
  const [issuerText, issuerSource] = pick(values, env, 'issuer', 'RELAY_ISSUER');
  let issuer: string | null = null;
  if (issuerText !== undefined) {
    const url = URL.parse(issuerText);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return `${issuerSource}: issuer must be an http(s) URL, got "${issuerText}"`;
    }
    // The issuer is compared exactly with the token's `iss`: keep it as given.
    issuer = issuerText;
  }
  const [audienceText, audienceSource] = pick(values, env, 'audience', 'RELAY_AUDIENCE');
  const audience = audienceText ?? DEFAULT_AUDIENCE;
  if (audience.trim() === '') return `${audienceSource} must not be empty`;

  const [domainsText, domainsSource] = pick(
    values,
    env,
    'allowed-domains',
    'RELAY_ALLOWED_DOMAINS',
  );
  const allowedDomains = list(domainsText).map((d) => d.toLowerCase());
  const badDomain = allowedDomains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  if (badDomain !== undefined) {
    return `${domainsSource}: "${badDomain}" is not a domain name (e.g. example.com)`;
  }

  const [idpPortText, idpPortSource] = pick(values, env, 'idp-port', 'IDP_PORT');
  const idpPort =
    idpPortText === undefined ? DEFAULT_IDP_PORT : parsePort(idpPortText, idpPortSource);
  if (typeof idpPort === 'string') return idpPort;

  const [corsText, corsSource] = pick(values, env, 'cors-origins', 'RELAY_CORS_ORIGINS');
  const corsOrigins = list(corsText);
  for (const origin of corsOrigins) {
    const url = URL.parse(origin);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return `${corsSource}: "${origin}" is not an http(s) origin`;
    }
  }
  return { issuer, audience, allowedDomains, idpPort, corsOrigins };
}

/** A URL with one of `protocols`, or the message saying so (never echoing it: it may hold a password). */
function parseServiceUrl(
  text: string | undefined,
  source: string,
  protocols: readonly string[],
): string | null | { error: string } {
  if (text === undefined) return null;
  const url = URL.parse(text);
  if (url === null || !protocols.includes(url.protocol)) {
    return { error: `${source} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL` };
  }
  return text;
}

/** `--no-group-commit`, or `RELAY_GROUP_COMMIT` set to `on` or `off`; a message on bad input. */
function parseGroupCommit(values: FlagValues, env: Env): boolean | string {
  if (values['no-group-commit'] === true) return false;
  const text = env.RELAY_GROUP_COMMIT;
  if (text === undefined || text === '' || text === 'on') return true;
  if (text === 'off') return false;
  return `RELAY_GROUP_COMMIT must be "on" or "off", got "${text}"`;
}

/** `--database`, `--redis`, `--admin-port`, `--memory-budget`, group commit; a message on bad input. */
function parseScale(values: FlagValues, env: Env): ScaleConfig | string {
  const [dbText, dbSource] = pick(values, env, 'database', 'RELAY_DATABASE_URL');
  const databaseUrl = parseServiceUrl(dbText, dbSource, ['postgres:', 'postgresql:']);
  if (typeof databaseUrl === 'object' && databaseUrl !== null) return databaseUrl.error;
  const [redisText, redisSource] = pick(values, env, 'redis', 'RELAY_REDIS_URL');
  const redisUrl = parseServiceUrl(redisText, redisSource, ['redis:', 'rediss:']);
  if (typeof redisUrl === 'object' && redisUrl !== null) return redisUrl.error;
  const [adminText, adminSource] = pick(values, env, 'admin-port', 'RELAY_ADMIN_PORT');
  const adminPort = adminText === undefined ? null : parsePort(adminText, adminSource);
  if (typeof adminPort === 'string') return adminPort;
  const [budgetText, budgetSource] = pick(values, env, 'memory-budget', 'RELAY_MEMORY_BUDGET');
  const budgetMiB =
    budgetText === undefined
      ? null
      : parseWhole(budgetText, budgetSource, { min: 16, max: 1_048_576, unit: 'MiB' });
  if (typeof budgetMiB === 'string') return budgetMiB;
  const memoryBudgetBytes = budgetMiB === null ? null : budgetMiB * 1024 * 1024;
  const groupCommit = parseGroupCommit(values, env);
  if (typeof groupCommit === 'string') return groupCommit;
  return { databaseUrl, redisUrl, adminPort, memoryBudgetBytes, groupCommit };
}
