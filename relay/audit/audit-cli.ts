/**
 * `npm run relay -- audit verify --data <dir>` (or `--database postgres://…`):
 * walks the audit log's hash chain and exits 0 when it is intact, 1 naming
 * the first broken entry, 2 on bad usage. Same flags and environment as the
 * relay; the database is opened (and migrated) as the relay would.
 */
import { parseCli } from '../cli-args.ts';
import { openPostgresStores } from '../db/stores.ts';
import { errorMessage } from '../log.ts';
import { verifyChain } from './chain.ts';
import { SqliteAuditStore } from './sqlite-audit-store.ts';
import type { AuditStore } from './types.ts';

const USAGE =
  'Usage: npm run relay -- audit verify [--data <dir> | --database postgres://…]\n' +
  'Checks every entry of the audit log against its hash and the one before it.\n' +
  'Exit 0: intact; 1: broken (the first broken entry is named); 2: usage.\n';

/** Runs the command and returns the process exit code. */
export async function runAuditCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  out: { write(text: string): unknown } = process.stdout,
  err: { write(text: string): unknown } = process.stderr,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify') {
    err.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const parsed = parseCli(rest, env, cwd);
  if (parsed.kind === 'help') {
    out.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    err.write(`relay audit: ${parsed.message}\n`);
    return 2;
  }
  const { dataDir, scale } = parsed.config;
  let store: AuditStore;
  let close: () => Promise<void>;
  try {
    if (scale.databaseUrl === null) {
      const sqlite = new SqliteAuditStore({ dataDir });
      store = sqlite;
      close = () => {
        sqlite.close();
        return Promise.resolve();
      };
    } else {
      const stores = await openPostgresStores(scale.databaseUrl);
      store = stores.audit;
      close = () => stores.close();
    }
  } catch (error) {
    err.write(`relay audit: cannot open the audit log: ${errorMessage(error)}\n`);
    return 1;
  }
  try {
    const result = await verifyChain(async (after, limit) => store.after(after, limit));
    if (result.ok) {
      out.write(`audit log intact: ${String(result.entries)} entries, head ${result.head}\n`);
      return 0;
    }
    out.write(
      `audit log BROKEN at entry ${String(result.seq)}: ${result.reason} (${String(result.entries)} entries intact before it)\n`,
    );
    return 1;
  } finally {
    await close();
  }
}
