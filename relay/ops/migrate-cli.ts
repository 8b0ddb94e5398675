/**
 * `npm run relay -- migrate --data <dir> --database postgres://…`: the
 * command-line face of migrate-documents.ts and migrate-stores.ts. Same flags
 * and environment as the relay itself; exit 0 when every document was copied
 * and verified and every other table arrived whole.
 */
import { parseCli } from '../cli-args.ts';
import { openPostgres } from '../db/postgres.ts';
import { migrateStores } from '../db/stores.ts';
import { createJsonLogger, errorMessage, type Logger } from '../log.ts';
import { migrateDocuments } from './migrate-documents.ts';
import { copyStores } from './migrate-stores.ts';

/** Copies spaces, members, people, files and snapshots; true when every table checks out. */
async function migrateOtherStores(dataDir: string, url: string, log: Logger): Promise<boolean> {
  const pool = await openPostgres(url);
  try {
    await migrateStores(pool);
    const report = await copyStores({ dataDir, target: pool, log });
    return report.mismatched.length === 0;
  } finally {
    await pool.end();
  }
}

/** Runs the command and returns the process exit code. */
export async function runMigrateCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<number> {
  const parsed = parseCli(argv, env, cwd);
  if (parsed.kind === 'help') {
    process.stdout.write(
      'Usage: npm run relay -- migrate --data <dir> --database postgres://…\n' +
        'Copies every document of <dir>/relay.sqlite into PostgreSQL and verifies each one,\n' +
        'then spaces, members, people, files and version history, checking rows and bytes.\n',
    );
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`relay migrate: ${parsed.message}\n`);
    return 2;
  }
  const { dataDir, scale } = parsed.config;
  if (scale.databaseUrl === null) {
    process.stderr.write('relay migrate: --database (or RELAY_DATABASE_URL) is required\n');
    return 2;
  }
  const log = createJsonLogger(process.stdout);
  try {
    const report = await migrateDocuments({ dataDir, databaseUrl: scale.databaseUrl, log });
    const storesOk = await migrateOtherStores(dataDir, scale.databaseUrl, log);
    return report.mismatched.length === 0 && report.unreadable.length === 0 && storesOk ? 0 : 1;
  } catch (err) {
    log.error('migration failed', { error: errorMessage(err) });
    return 1;
  }
}
