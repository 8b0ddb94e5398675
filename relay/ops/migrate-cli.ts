/**
 * `npm run relay -- migrate --data <dir> --database postgres://…`: the
 * command-line face of migrate-documents.ts. Same flags and environment as
 * the relay itself; exit 0 when every document was copied and verified.
 */
import { parseCli } from '../cli-args.ts';
import { createJsonLogger, errorMessage } from '../log.ts';
import { migrateDocuments } from './migrate-documents.ts';

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
        'Copies every document of <dir>/relay.sqlite into PostgreSQL and verifies each one.\n',
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
    return report.mismatched.length === 0 && report.unreadable.length === 0 ? 0 : 1;
  } catch (err) {
    log.error('migration failed', { error: errorMessage(err) });
    return 1;
  }
}
