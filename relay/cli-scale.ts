/**
 * Scale-out flags: PostgreSQL, Redis, the operators' port, the memory budget
 * and group commit.
 */
import { parsePort, parseWhole, pick, type Env, type FlagValues } from './cli-values.ts';

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
export function parseScale(values: FlagValues, env: Env): ScaleConfig | string {
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
