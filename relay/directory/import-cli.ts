/**
 * `npm run relay -- directory import <file> [--data <dir> | --database postgres://…]`:
 * provisions the people of an IdP export (JSON or CSV, see import.ts) into
 * the relay's directory, with an audit entry per change. Exit 0 when every
 * row was imported, 1 when some were not (each named), 2 on bad usage.
 * A person deactivated here is refused at their next sign-in or request;
 * sockets already open on a running relay end when their token expires
 * (SCIM closes them at once).
 */
import { readFile } from 'node:fs/promises';
import { parseCli } from '../cli-args.ts';
import { openPostgresStores, openSqliteStores } from '../db/stores.ts';
import { errorMessage } from '../log.ts';
import { importPeople, parseExport } from './import.ts';

const USAGE =
  'Usage: npm run relay -- directory import <file.csv|file.json> [--data <dir> | --database postgres://…]\n' +
  'Columns: userName (sign-in address), name, title, department, manager, externalId, active.\n';

type Out = { write(text: string): unknown };

/** Runs the command and returns the process exit code. */
export async function runDirectoryCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  out: Out = process.stdout,
  err: Out = process.stderr,
): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command !== 'import' || file === undefined || file.startsWith('-')) {
    err.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const parsed = parseCli(rest, env, cwd);
  if (parsed.kind !== 'run') {
    err.write(parsed.kind === 'help' ? USAGE : `relay directory: ${parsed.message}\n`);
    return parsed.kind === 'help' ? 0 : 2;
  }
  let rows;
  try {
    rows = parseExport(await readFile(file, 'utf8'));
  } catch (error) {
    err.write(`relay directory: cannot read ${file}: ${errorMessage(error)}\n`);
    return 2;
  }
  const { dataDir, scale } = parsed.config;
  const stores =
    scale.databaseUrl === null
      ? openSqliteStores(dataDir)
      : await openPostgresStores(scale.databaseUrl);
  let written: Promise<unknown> = Promise.resolve();
  try {
    const result = await importPeople(
      {
        store: stores.spaces,
        // No live sockets in this process; a running relay refuses the person's next authentication.
        publishMembership: () => undefined,
        // One after another: each entry's hash links to the one before.
        audit: (input) => {
          written = written.then(() => stores.audit.append(input, Date.now()));
        },
      },
      rows,
    );
    await written;
    out.write(
      `directory import: ${String(result.provisioned)} provisioned, ${String(result.updated)} updated, ${String(result.deactivated)} deactivated\n`,
    );
    for (const problem of result.problems) err.write(`relay directory: ${problem}\n`);
    return result.problems.length === 0 ? 0 : 1;
  } finally {
    await stores.close();
  }
}
